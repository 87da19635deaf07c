import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Simulator } from '../src/testing/index.js';
import { CertificateVerificationPage } from './examples/CertificateVerificationPage.js';
import { storySimulator } from './examples/story-simulator.js';

/** How each case 100319–100329 is reached: through the simulator's own rules where it has one. */
const CASES: Record<string, (simulator: Simulator) => void> = {
  none: () => {},
  '100319 verification failed': (simulator) =>
    simulator.inject({ endpoint: 'verifyCertificate', code: 400, errorCode: 100319 }),
  '100320 unknown certificate': (simulator) => {
    simulator.state.certificates = [];
  },
  '100321 verification not enabled': (simulator) => {
    for (const certificate of simulator.state.certificates) certificate.verifiable = false;
  },
  '100322 not approved': (simulator) => {
    for (const certificate of simulator.state.certificates) certificate.approved = false;
  },
  '100323 another form': () => {}, // the page restricts to tpl_id 1 below
  '100324 already verified': (simulator) => {
    for (const certificate of simulator.state.certificates) certificate.status = '已核销';
  },
  '100325 invalid action': (simulator) =>
    simulator.inject({ endpoint: 'verifyCertificate', code: 400, errorCode: 100325 }),
  '100326 invalid target status': (simulator) => {
    for (const certificate of simulator.state.certificates) certificate.statuses = ['待核销'];
  },
  '100327 authorization code expired': (simulator) => {
    for (const certificate of simulator.state.certificates) certificate.needsAuthCode = true;
    simulator.state.authCodes = { 'OLD-CODE': Date.now() - 1, 'NEW-CODE': Date.now() + 10 * 60_000 };
  },
  '100328 no permission': (simulator) => {
    simulator.state.verifiers.anonymous = { canVerify: false, identityComplete: true };
  },
  '100329 identity required': (simulator) => {
    simulator.state.verifiers.anonymous = { canVerify: true, identityComplete: false };
  },
};

interface StoryArgs {
  /** Which case the simulator is in. */
  situation: keyof typeof CASES;
}

let simulation: ReturnType<typeof storySimulator>;

const meta = {
  title: 'Examples/Certificate verification',
  render: ({ situation }) => (
    <CertificateVerificationPage
      tplId={situation === '100323 another form' ? 1 : undefined}
      // The identity form of the host: here it completes the profile in the simulator at once.
      completeIdentity={async () => {
        const verifier = simulation.simulator.state.verifiers.anonymous;
        if (verifier) verifier.identityComplete = true;
        return true;
      }}
    />
  ),
  args: { situation: 'none' },
  argTypes: { situation: { control: 'select', options: Object.keys(CASES) } },
  beforeEach({ args, msw }) {
    simulation = storySimulator(msw);
    CASES[args.situation]?.(simulation.simulator);
  },
  parameters: {
    docs: {
      description: {
        component:
          'Enter or paste a certificate code, choose the action and verify with `useVerifyCertificate` against the simulator. Every case 100319–100329 is reachable from the control.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Verified: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '核销' }));
    await expect(await canvas.findByText(/核销成功/)).toBeVisible();
  },
};

export const IdentityThenVerified: Story = {
  args: { situation: '100329 identity required' },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '核销' }));
    const identity = await canvas.findByRole('button', { name: /去完善身份信息|Complete identity/ });
    await userEvent.click(identity);
    await expect(await canvas.findByText(/核销成功/)).toBeVisible();
    await expect(simulation.calls.verifyCertificate).toBe(2);
  },
};

export const FreshAuthorizationCode: Story = {
  args: { situation: '100327 authorization code expired' },
  play: async ({ canvas }) => {
    const authCode = canvas.getByLabelText('核销授权码');
    await userEvent.type(authCode, 'OLD-CODE');
    await userEvent.click(canvas.getByRole('button', { name: '核销' }));
    await userEvent.click(
      await canvas.findByRole('button', { name: /输入新的授权码|Enter a new authorization code/ }),
    );
    await waitFor(() => expect(authCode).toHaveFocus());
    await userEvent.clear(authCode);
    await userEvent.type(authCode, 'NEW-CODE');
    await userEvent.click(canvas.getByRole('button', { name: '核销' }));
    await expect(await canvas.findByText(/核销成功/)).toBeVisible();
  },
};

const showsCase =
  (errorCode: number): Story['play'] =>
  async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: '核销' }));
    await waitFor(() =>
      expect(canvasElement.querySelector(`[data-error-key="${errorCode}"]`)).not.toBeNull(),
    );
  };

export const VerificationFailed: Story = {
  args: { situation: '100319 verification failed' },
  play: showsCase(100319),
};
export const UnknownCertificate: Story = {
  args: { situation: '100320 unknown certificate' },
  play: showsCase(100320),
};
export const NotEnabled: Story = {
  args: { situation: '100321 verification not enabled' },
  play: showsCase(100321),
};
export const NotApproved: Story = { args: { situation: '100322 not approved' }, play: showsCase(100322) };
export const AnotherForm: Story = { args: { situation: '100323 another form' }, play: showsCase(100323) };
export const AlreadyVerified: Story = {
  args: { situation: '100324 already verified' },
  play: showsCase(100324),
};
export const InvalidAction: Story = { args: { situation: '100325 invalid action' }, play: showsCase(100325) };
export const InvalidTargetStatus: Story = {
  args: { situation: '100326 invalid target status' },
  play: showsCase(100326),
};
export const NoPermission: Story = { args: { situation: '100328 no permission' }, play: showsCase(100328) };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { toStoryLocale } from '../.storybook/theme.js';
import type { Simulator } from '../src/testing/index.js';
import { CertificateVerificationPage } from './examples/CertificateVerificationPage.js';
import { PAGE_TEXTS, type World } from './examples/page-texts.js';
import { storySimulator } from './examples/story-simulator.js';

/** How each case 100319–100329 is reached: through the simulator's own rules where it has one. */
const CASES: Record<string, (simulator: Simulator, world: World) => void> = {
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
  '100324 already verified': (simulator, world) => {
    for (const certificate of simulator.state.certificates) certificate.status = world.statuses[1] ?? '';
  },
  '100325 invalid action': (simulator) =>
    simulator.inject({ endpoint: 'verifyCertificate', code: 400, errorCode: 100325 }),
  '100326 invalid target status': (simulator, world) => {
    for (const certificate of simulator.state.certificates) certificate.statuses = world.statuses.slice(0, 1);
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
  '429 too many requests': (simulator) =>
    simulator.inject({ endpoint: 'verifyCertificate', code: 429, retryAfter: '30' }),
};

interface StoryArgs {
  /** Which case the simulator is in. */
  situation: keyof typeof CASES;
}

let simulation: ReturnType<typeof storySimulator>;

const meta = {
  title: 'Examples/Certificate verification',
  render: ({ situation }, { globals }) => (
    <CertificateVerificationPage
      tplId={situation === '100323 another form' ? 1 : undefined}
      texts={PAGE_TEXTS[toStoryLocale(globals.locale)]}
      world={simulation.world}
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
  beforeEach({ args, msw, globals }) {
    simulation = storySimulator(msw, globals.locale, 'desk');
    CASES[args.situation]?.(simulation.simulator, simulation.world);
  },
  parameters: {
    docs: {
      description: {
        component:
          'A verification desk for staff (`audience="staff"`): enter or scan a certificate code, choose the method and verify with `useVerifyCertificate` against the simulator. The outcome shows at a glance — verified, already verified, refused, something to fix — with the fastest way to the next certificate. Every case 100319–100329 is reachable from the control.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;
type Context = Parameters<NonNullable<Story['play']>>[0];

const textsOf = ({ globals }: Context) => PAGE_TEXTS[toStoryLocale(globals.locale)];
const verify = (context: Context) =>
  userEvent.click(context.canvas.getByRole('button', { name: textsOf(context).verify }));

export const Ready: Story = { tags: ['visual'] };

export const Verified: Story = {
  tags: ['visual'],
  play: async (context) => {
    await verify(context);
    await expect(await context.canvas.findByText(textsOf(context).verified)).toBeVisible();
    // The record the API returned, in the outcome's polite region, with the next one leading.
    const outcome = context.canvas.getByRole('region', { name: textsOf(context).outcomeTitle });
    const verified = within(outcome).getAllByRole('status').at(-1) as HTMLElement;
    await expect(verified).toHaveTextContent('CERT-1');
    await expect(within(verified).getByRole('button', { name: textsOf(context).nextOne })).toHaveClass(
      'cae-button--primary',
    );
  },
};

export const IdentityThenVerified: Story = {
  args: { situation: '100329 identity required' },
  play: async (context) => {
    await verify(context);
    const identity = await context.canvas.findByRole('button', { name: /身份|身分|identity/i });
    await userEvent.click(identity);
    await expect(await context.canvas.findByText(textsOf(context).verified)).toBeVisible();
    await expect(simulation.calls.verifyCertificate).toBe(2);
  },
};

export const FreshAuthorizationCode: Story = {
  args: { situation: '100327 authorization code expired' },
  play: async (context) => {
    const authCode = context.canvas.getByLabelText(textsOf(context).authLabel);
    await userEvent.type(authCode, 'OLD-CODE');
    await verify(context);
    await userEvent.click(
      await context.canvas.findByRole('button', { name: /授权码|授權碼|authorization code/i }),
    );
    await waitFor(() => expect(authCode).toHaveFocus());
    await userEvent.clear(authCode);
    await userEvent.type(authCode, 'NEW-CODE');
    await verify(context);
    await expect(await context.canvas.findByText(textsOf(context).verified)).toBeVisible();
  },
};

export const NextCertificateAfterARefusal: Story = {
  args: { situation: '100324 already verified' },
  play: async (context) => {
    await verify(context);
    // Used before: verifying it again waits for another code, the hint under the button says so,
    // and the fastest way there is one press away.
    const button = await context.canvas.findByRole('button', { name: textsOf(context).verify });
    await waitFor(() => expect(button).toHaveAccessibleDescription(textsOf(context).changeCode));
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(await context.canvas.findByRole('button', { name: textsOf(context).nextOne }));
    const code = context.canvas.getByLabelText(textsOf(context).codeLabel);
    await expect(code).toHaveFocus();
    await userEvent.type(code, 'https://qr.cli.im/c/CERT-2');
    await expect(button).not.toHaveAttribute('aria-disabled');
  },
};

/** 100326: the outcome, the hint under the locked button and the target status field agree. */
export const AnotherTargetStatus: Story = {
  args: { situation: '100326 invalid target status' },
  play: async (context) => {
    const texts = textsOf(context);
    await verify(context);
    const button = await context.canvas.findByRole('button', { name: texts.verify });
    await waitFor(() => expect(button).toHaveAccessibleDescription(texts.changeTarget));
    await userEvent.click(context.canvas.getByRole('button', { name: /目标状态|目標狀態|target status/i }));
    // Only "set a status" sends a target: the desk switches to it, and the status has focus.
    const target = context.canvas.getByLabelText(texts.targetLabel);
    await waitFor(() => expect(target).toHaveFocus());
    await expect(context.canvas.getByLabelText(texts.methodLabel)).toHaveValue('set_certificate_status');
    await expect(button).not.toHaveAttribute('aria-disabled');
    await verify(context);
    // Locked by the refusal, not only while the request is on its way: the hint says what to change.
    await waitFor(() => expect(button).toHaveAccessibleDescription(texts.changeTarget));
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    // Editing the target status is the change the refusal asks for: verifying is possible again.
    await userEvent.type(target, '2');
    await expect(button).not.toHaveAttribute('aria-disabled');
  },
};

/** 100325: the hint asks for another method, and choosing one unlocks verifying. */
export const AnotherMethod: Story = {
  args: { situation: '100325 invalid action' },
  play: async (context) => {
    const texts = textsOf(context);
    await verify(context);
    const button = await context.canvas.findByRole('button', { name: texts.verify });
    await waitFor(() => expect(button).toHaveAccessibleDescription(texts.changeMethod));
    await userEvent.click(context.canvas.getByRole('button', { name: /核销方式|核銷方式|method/i }));
    const method = context.canvas.getByLabelText(texts.methodLabel);
    await waitFor(() => expect(method).toHaveFocus());
    await userEvent.selectOptions(method, 'set_certificate_status');
    await expect(button).not.toHaveAttribute('aria-disabled');
    await verify(context);
    await expect(await context.canvas.findByText(texts.verified)).toBeVisible();
  },
};

const showsCase =
  (errorKey: number | string): Story['play'] =>
  async (context) => {
    await verify(context);
    await waitFor(() =>
      expect(context.canvasElement.querySelector(`[data-error-key="${errorKey}"]`)).not.toBeNull(),
    );
  };

export const VerificationFailed: Story = {
  args: { situation: '100319 verification failed' },
  play: showsCase(100319),
};
export const UnknownCertificate: Story = {
  args: { situation: '100320 unknown certificate' },
  tags: ['visual'],
  play: showsCase(100320),
};
export const NotEnabled: Story = {
  args: { situation: '100321 verification not enabled' },
  play: showsCase(100321),
};
export const NotApproved: Story = {
  args: { situation: '100322 not approved' },
  tags: ['visual'],
  play: showsCase(100322),
};
export const AnotherForm: Story = { args: { situation: '100323 another form' }, play: showsCase(100323) };
export const AlreadyVerified: Story = {
  args: { situation: '100324 already verified' },
  tags: ['visual'],
  play: async (context) => {
    await showsCase(100324)?.(context);
    // A ticket used twice never looks like the success beside it: a warning, not the green tick.
    const outcome = context.canvasElement.querySelector('[data-error-key="100324"]');
    await expect(outcome).toHaveAttribute('data-tone', 'warning');
  },
};
export const InvalidAction: Story = { args: { situation: '100325 invalid action' }, play: showsCase(100325) };
export const InvalidTargetStatus: Story = {
  args: { situation: '100326 invalid target status' },
  play: showsCase(100326),
};
export const NoPermission: Story = {
  args: { situation: '100328 no permission' },
  tags: ['visual'],
  play: async (context) => {
    await showsCase(100328)?.(context);
    // The text sends the verifier to the administrator, and so does the action; the next
    // certificate would be refused the same way, and the same one may be verified once allowed.
    await expect(context.canvas.getByRole('link', { name: /管理员|管理員|administrator/i })).toHaveAttribute(
      'href',
      'tel:+864008123456',
    );
    await expect(context.canvas.queryByRole('button', { name: textsOf(context).nextOne })).toBeNull();
    await expect(context.canvas.getByRole('button', { name: textsOf(context).verify })).not.toHaveAttribute(
      'aria-disabled',
    );
  },
};
export const IdentityRequired: Story = {
  args: { situation: '100329 identity required' },
  tags: ['visual'],
  play: showsCase(100329),
};
export const RateLimited: Story = {
  args: { situation: '429 too many requests' },
  play: async (context) => {
    await showsCase(429)?.(context);
    // The desk's proxy served the call and passed the API's 429 on as it came.
    await expect(simulation.proxied).toContainEqual(
      expect.objectContaining({ endpoint: 'verifyCertificate', status: 429, upstreamStatus: 429 }),
    );
  },
};

/** The host opted in to dark (`data-theme="dark"`). */
export const DarkTheme: Story = {
  args: { situation: '100324 already verified' },
  globals: { theme: 'dark' },
  play: showsCase(100324),
};

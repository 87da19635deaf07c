import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Fault } from '../src/testing/index.js';
import { FormSubmissionPage } from './examples/FormSubmissionPage.js';
import { storySimulator } from './examples/story-simulator.js';

/** Every failure a submission can meet, as the simulator answers it once. */
const FAILURES: Record<string, Fault> = {
  none: {},
  '403 no write permission': { code: 403 },
  '429 too many requests': { code: 429, retryAfter: '2' },
  '502 upstream unavailable': { status: 502, html: true },
  '100306 code not linked': { errorCode: 100306 },
  '100307 duplicate': { errorCode: 100307, detail: 'duplicate: 71234567890102' },
  '100308 required empty': { errorCode: 100308, detail: 'required: 71234567890101' },
  '100309 invalid value': { errorCode: 100309, detail: 'invalid: 71234567890102' },
  '100310 expired': { errorCode: 100310 },
  '100311 user limit': { errorCode: 100311 },
  '100312 form limit': { errorCode: 100312 },
  '100313 outside the time window': { errorCode: 100313 },
  '100314 code paused': { errorCode: 100314 },
  '100329 identity required': { errorCode: 100329 },
};

interface StoryArgs {
  /** What the simulator answers to the next submission. */
  failure: keyof typeof FAILURES;
}

let simulation: ReturnType<typeof storySimulator>;

const meta = {
  title: 'Examples/Form submission',
  render: () => <FormSubmissionPage tplId={7001} codeId={8001} />,
  args: { failure: 'none' },
  argTypes: { failure: { control: 'select', options: Object.keys(FAILURES) } },
  beforeEach({ args, msw }) {
    simulation = storySimulator(msw);
    const fault = FAILURES[args.failure];
    if (fault && Object.keys(fault).length > 0) {
      simulation.simulator.inject({ endpoint: 'addRecord', code: 400, ...fault });
    }
  },
  parameters: {
    docs: {
      description: {
        component:
          'A form loaded with `useFormTemplate` and submitted with `useAddRecord` against the API simulator. Pick a failure: whatever happens, the values typed stay in the form.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

async function fillIn(
  canvas: Parameters<NonNullable<Story['play']>>[0]['canvas'],
  name: string,
  phone: string,
) {
  if (name) await userEvent.type(await canvas.findByLabelText(/姓名/), name);
  if (phone) await userEvent.type(await canvas.findByLabelText(/手机号/), phone);
  await userEvent.type(await canvas.findByLabelText(/备注/), '靠窗座位');
}

export const Success: Story = {
  play: async ({ canvas }) => {
    await fillIn(canvas, '张三', '13800138000');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    await expect(await canvas.findByText(/提交成功/)).toBeVisible();
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

export const RateLimitedThenStored: Story = {
  args: { failure: '429 too many requests' },
  play: async ({ canvas }) => {
    await fillIn(canvas, '张三', '13800138000');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    // The write was refused before it was stored: the policy sends it again after Retry-After.
    const timer = await canvas.findByRole('timer');
    await expect(timer).toHaveTextContent(/2/);
    await expect(await canvas.findByText(/提交成功/, {}, { timeout: 6000 })).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(2);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

export const RequiredFieldEmpty: Story = {
  play: async ({ canvas }) => {
    await fillIn(canvas, '', '13800138000');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    const name = canvas.getByLabelText(/姓名/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    await expect(name).toHaveFocus();
    await expect(canvas.getByLabelText(/手机号/)).toHaveValue('13800138000');
    await expect(canvas.getByLabelText(/备注/)).toHaveValue('靠窗座位');
  },
};

export const InvalidValue: Story = {
  play: async ({ canvas }) => {
    await fillIn(canvas, '张三', '12345');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    const phone = canvas.getByLabelText(/手机号/);
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    await expect(phone).toHaveFocus();
    await expect(canvas.getByLabelText(/姓名/)).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByLabelText(/姓名/)).toHaveValue('张三');
    await expect(phone).toHaveValue('12345');
  },
};

export const DoubleClickSendsOnce: Story = {
  play: async ({ canvas }) => {
    await fillIn(canvas, '张三', '13800138000');
    await userEvent.dblClick(canvas.getByRole('button', { name: '提交' }));
    await expect(await canvas.findByText(/提交成功/)).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

export const UpstreamFailureThenManualRetry: Story = {
  args: { failure: '502 upstream unavailable' },
  play: async ({ canvas }) => {
    await fillIn(canvas, '张三', '13800138000');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(/./));
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(canvas.getByLabelText(/手机号/)).toHaveValue('13800138000');
    await userEvent.click(canvas.getByRole('button', { name: /重试|Try again/ }));
    await expect(await canvas.findByText(/提交成功/)).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(2);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

export const CodePaused: Story = { args: { failure: '100314 code paused' } };
export const OutsideTheWindow: Story = { args: { failure: '100313 outside the time window' } };

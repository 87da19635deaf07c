import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { STORY_BASE_URL } from '../.storybook/preview.js';
import { toStoryLocale } from '../.storybook/theme.js';
import type { Fault } from '../src/testing/index.js';
import { FormSubmissionPage } from './examples/FormSubmissionPage.js';
import { fill, PAGE_TEXTS, WORLD } from './examples/page-texts.js';
import { storySimulator } from './examples/story-simulator.js';
import { UpstreamRecordCount } from './examples/UpstreamRecordCount.js';

/** Every failure a submission can meet, as the simulator answers it once. */
const FAILURES: Record<string, Fault> = {
  none: {},
  '403 no write permission': { code: 403 },
  '429 too many requests': { code: 429, retryAfter: '3' },
  '502 upstream unavailable': { status: 502, html: true },
  'network failure': { network: true },
  '100306 code not linked': { errorCode: 100306 },
  '100307 duplicate': { errorCode: 100307, detail: 'duplicate: 71234567890102' },
  '100308 required empty (fields named)': { errorCode: 100308, detail: 'required: 71234567890101' },
  '100308 required empty (no field named)': { errorCode: 100308 },
  '100309 invalid value': { errorCode: 100309, detail: 'invalid: 71234567890102' },
  '100310 expired': { errorCode: 100310 },
  '100311 user limit': { errorCode: 100311 },
  '100312 form limit': { errorCode: 100312 },
  '100313 outside the time window': { errorCode: 100313 },
  '100314 code paused': { errorCode: 100314 },
};

interface StoryArgs {
  /** What the simulator answers to the next submission. */
  failure: keyof typeof FAILURES;
}

let simulation: ReturnType<typeof storySimulator>;
/** The page's connection in the story 'Offline, then sent once'. */
const connection = { up: true };

const meta = {
  title: 'Examples/Form submission',
  render: (_, { globals }) => (
    <FormSubmissionPage tplId={7001} codeId={8001} texts={PAGE_TEXTS[toStoryLocale(globals.locale)]} />
  ),
  args: { failure: 'none' },
  argTypes: { failure: { control: 'select', options: Object.keys(FAILURES) } },
  beforeEach({ args, msw, globals }) {
    // A draft a story left (a submission that failed) would offer itself in the next story.
    sessionStorage.clear();
    localStorage.clear();
    simulation = storySimulator(msw, globals.locale, 'form');
    const fault = FAILURES[args.failure];
    if (fault && Object.keys(fault).length > 0) {
      simulation.simulator.inject({ endpoint: 'addRecord', code: 400, ...fault });
    }
  },
  parameters: {
    docs: {
      description: {
        component:
          'A phone form loaded with `useFormTemplate` and submitted with `useAddRecord` against the API simulator, in the toolbar’s language and theme. Field errors get the GOV.UK summary and marks; errors that end the flow replace the form; the rest sit beside the button. Whatever happens, the values typed stay.',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;
type Play = NonNullable<Story['play']>;
type Context = Parameters<Play>[0];

const textsOf = ({ globals }: Context) => PAGE_TEXTS[toStoryLocale(globals.locale)];
const worldOf = ({ globals }: Context) => WORLD[toStoryLocale(globals.locale)];
const labelled = (context: Context, index: number) =>
  context.canvas.findByLabelText(new RegExp(`^${worldOf(context).fields[index]}`));

async function fillIn(context: Context, name: string, phone: string) {
  if (name) await userEvent.type(await labelled(context, 0), name);
  if (phone) await userEvent.type(await labelled(context, 1), phone);
  await userEvent.type(await labelled(context, 2), 'A');
}

/** How long a step of several proxied calls may take on a loaded machine before it counts as failed. */
const SETTLES_MS = 10_000;

const submit = (context: Context) =>
  userEvent.click(context.canvas.getByRole('button', { name: textsOf(context).submit }));

export const Empty: Story = {
  tags: ['visual'],
  play: async (context) => {
    await expect(await labelled(context, 0)).toHaveValue('');
  },
};

export const Success: Story = {
  tags: ['visual'],
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    // The success takes the form's place, its headline focused: no submit is left for a second tap
    // (which stored nothing, and answered 100307 for the person's own phone number).
    const headline = await context.canvas.findByRole('heading', {
      level: 2,
      name: textsOf(context).submitted,
    });
    await waitFor(() => expect(headline).toHaveFocus());
    await expect(context.canvas.queryByRole('button', { name: textsOf(context).submit })).toBeNull();
    await expect(context.canvas.queryAllByRole('textbox')).toHaveLength(0);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

/** The template on its way (it never comes here): the form's area is busy, with a calm placeholder. */
export const LoadingTheForm: Story = {
  tags: ['visual'],
  beforeEach() {
    simulation.simulator.inject({ endpoint: 'getTemplate', delayMs: Number.POSITIVE_INFINITY, times: 2 });
  },
  play: async (context) => {
    const status = await context.canvas.findByRole('status');
    await expect(status).toHaveTextContent(textsOf(context).loading);
    await expect(context.canvasElement.querySelector('[aria-busy="true"]')).not.toBeNull();
    // Its shapes come after 0.4 s (a fast load shows none): the screenshots show them.
    await waitFor(() => expect(context.canvasElement.querySelector('.cae-loading__rows')).not.toBeNull());
  },
};

/**
 * The template's answer cannot be read (a Wi-Fi portal's page in its place): not a title and a
 * submit with no fields, but a Result with its retry, which loads the form.
 */
export const FormDidNotLoad: Story = {
  tags: ['visual'],
  beforeEach() {
    simulation.simulator.inject({ endpoint: 'getTemplate', status: 200, body: '<html>Wi-Fi</html>' });
  },
  play: async (context) => {
    const headline = await context.canvas.findByRole('heading', { level: 2 }, { timeout: SETTLES_MS });
    await waitFor(() => expect(headline).toHaveFocus());
    await expect(context.canvas.queryByRole('button', { name: textsOf(context).submit })).toBeNull();
  },
};

/** The retry of a form that did not load: the form. */
export const FormLoadsOnRetry: Story = {
  beforeEach: FormDidNotLoad.beforeEach,
  play: async (context) => {
    await FormDidNotLoad.play?.(context);
    const [retry] = context.canvas.getAllByRole('button');
    if (retry) await userEvent.click(retry);
    await expect(await labelled(context, 0)).toBeVisible();
  },
};

export const RateLimitedThenStored: Story = {
  args: { failure: '429 too many requests' },
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    // The write was refused before it was stored: the policy sends it again after Retry-After,
    // and the wait shows at once, counting down to that very retry.
    const timer = await context.canvas.findByRole('timer');
    await expect(timer).toHaveTextContent(/3|4/);
    await expect(context.canvasElement.querySelector('[data-error-key="429"]')).not.toBeNull();
    await expect(
      await context.canvas.findByText(textsOf(context).submitted, {}, { timeout: 8000 }),
    ).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(2);
    await expect(simulation.simulator.state.records).toHaveLength(1);
    // Both went through the proxy, which passed the API's 429 on as it came.
    const submissions = simulation.proxied.filter(({ endpoint }) => endpoint === 'addRecord');
    await expect(submissions.map(({ status, upstreamStatus }) => [status, upstreamStatus])).toEqual([
      [429, 429],
      [200, 200],
    ]);
  },
};

export const RequiredFieldEmpty: Story = {
  tags: ['visual'],
  play: async (context) => {
    await fillIn(context, '', '13800138000');
    await submit(context);
    const summary = await context.canvas.findByRole('region', { name: /1/ });
    await waitFor(() => expect(summary).toHaveFocus());
    const name = await labelled(context, 0);
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(new RegExp(worldOf(context).fields[0] ?? ''));
    await expect(await labelled(context, 1)).toHaveValue('13800138000');
    await userEvent.click(
      context.canvas.getByRole('link', { name: new RegExp(worldOf(context).fields[0] ?? '') }),
    );
    await expect(name).toHaveFocus();
  },
};

export const RequiredFieldsNamedByNobody: Story = {
  args: { failure: '100308 required empty (no field named)' },
  play: async (context) => {
    await fillIn(context, '', '');
    await submit(context);
    // The server named no field: the template and the values submitted say which were empty.
    await waitFor(() => expect(context.canvas.getAllByRole('link')).toHaveLength(2));
    await expect(await labelled(context, 0)).toHaveAttribute('aria-invalid', 'true');
    await expect(await labelled(context, 1)).toHaveAttribute('aria-invalid', 'true');
    await expect(await labelled(context, 2)).not.toHaveAttribute('aria-invalid');
  },
};

export const InvalidValue: Story = {
  play: async (context) => {
    await fillIn(context, '张三', '12345');
    await submit(context);
    const phone = await labelled(context, 1);
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    await expect(await labelled(context, 0)).not.toHaveAttribute('aria-invalid');
    await expect(phone).toHaveValue('12345');
  },
};

export const DuplicateValue: Story = {
  tags: ['visual'],
  beforeEach() {
    simulation.simulator.state.records.push({
      record_id: 1,
      tpl_id: 7001,
      code_id: 8001,
      user: 'someone',
      submit_at: 0,
      fields: [{ field_id: 71234567890102, field_type: 'tel', field_value: '13800138000' }],
    });
  },
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    // 100307 says which value was already used.
    await expect(await context.canvas.findByRole('link', { name: /13800138000/ })).toBeVisible();
  },
};

export const DoubleClickSendsOnce: Story = {
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await userEvent.dblClick(context.canvas.getByRole('button', { name: textsOf(context).submit }));
    await expect(await context.canvas.findByText(textsOf(context).submitted)).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

export const UpstreamFailedAfterSubmit: Story = {
  args: { failure: '502 upstream unavailable' },
  tags: ['visual'],
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    const alert = await context.canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(/./));
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(await labelled(context, 1)).toHaveValue('13800138000');
  },
};

/**
 * The write is stored, then the gateway answers a 502 page, and the proxy's look-up fails too: the
 * screen says a resend cannot store twice; the resend finds the record (the proxy looks before it
 * writes again), and the API holds one record.
 */
export const StoredThenFailedResentOnce: Story = {
  tags: ['visual'],
  render: (_, { globals }) => {
    const texts = PAGE_TEXTS[toStoryLocale(globals.locale)];
    return (
      <>
        <UpstreamRecordCount simulator={simulation.simulator} texts={texts} />
        <FormSubmissionPage tplId={7001} codeId={8001} texts={texts} />
      </>
    );
  },
  play: async (context) => {
    simulation.simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    simulation.simulator.inject({ endpoint: 'getRecords', status: 502, html: true });
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    // Each step is several calls through the proxy (the write, then its look-up): on a loaded
    // machine one took 840 ms, near Testing Library's default 1 s. How long is not the point.
    const resend = await context.canvas.findByRole(
      'button',
      { name: /^(重新提交|Submit again|重新送出)$/ },
      { timeout: SETTLES_MS },
    );
    await expect(resend).toHaveClass('cae-button--primary');
    await expect(context.canvas.getByRole('alert')).toHaveTextContent(
      /重新提交不会重复记录|won’t save them twice|不會產生重複/,
    );
    await expect(simulation.simulator.state.records).toHaveLength(1);
    await userEvent.click(resend);
    await expect(
      await context.canvas.findByText(textsOf(context).submitted, {}, { timeout: SETTLES_MS }),
    ).toBeVisible();
    // One write upstream: the resend was settled by the look-up, not sent again.
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(simulation.simulator.state.records).toHaveLength(1);
    // The count above the page reads the API every 100 ms: a late timer shows it a moment later.
    await expect(
      await context.canvas.findByText(
        fill(textsOf(context).recordsUpstream, { count: 1 }),
        { selector: 'output' },
        { timeout: SETTLES_MS },
      ),
    ).toBeVisible();
  },
};

export const ClosedFormReplacesTheForm: Story = {
  args: { failure: '100313 outside the time window' },
  tags: ['visual'],
  play: async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    // The form gives way to the outcome, its headline focused; the answers are one tap away, read-only.
    const headline = await context.canvas.findByRole('heading', { level: 2 });
    await waitFor(() => expect(headline).toHaveFocus());
    await expect(context.canvas.queryByRole('button', { name: textsOf(context).submit })).toBeNull();
    await userEvent.click(context.canvas.getByRole('button', { expanded: false }));
    const phone = await labelled(context, 1);
    await expect(phone).toHaveValue('13800138000');
    await expect(phone).toBeDisabled();
    await expect(context.canvas.getByRole('button', { name: textsOf(context).submit })).toBeDisabled();
  },
};

const endsTheFlow =
  (errorKey: string): Play =>
  async (context) => {
    await fillIn(context, '张三', '13800138000');
    await submit(context);
    await waitFor(() =>
      expect(
        context.canvasElement.querySelector(`.cae-error--result[data-error-key="${errorKey}"]`),
      ).not.toBeNull(),
    );
  };

export const CodePaused: Story = { args: { failure: '100314 code paused' }, play: endsTheFlow('100314') };
export const NoWritePermission: Story = {
  args: { failure: '403 no write permission' },
  play: endsTheFlow('403'),
};

/**
 * Tapped with no connection (the page's fetch fails as on a dropped line): the values stay, the
 * screen says the form will be sent when the connection returns, and it is sent once on `online`.
 */
export const OfflineThenSentOnce: Story = {
  name: 'Offline, then sent once',
  beforeEach({ msw }) {
    connection.up = false;
    // Ahead of the proxy: while the connection is down, every call fails as on a dropped line.
    msw.use(http.post(`${STORY_BASE_URL}/*`, () => (connection.up ? undefined : HttpResponse.error())));
  },
  play: async (context) => {
    connection.up = true; // the form loads
    await fillIn(context, '张三', '13800138000');
    connection.up = false;
    await submit(context);
    await expect(
      await context.canvas.findByText(/没有网络|沒有網路|You’re offline/, {}, { timeout: SETTLES_MS }),
    ).toBeVisible();
    await expect(await labelled(context, 1)).toHaveValue('13800138000');
    await expect(simulation.simulator.state.records).toHaveLength(0);
    connection.up = true;
    window.dispatchEvent(new Event('online'));
    await expect(
      await context.canvas.findByText(textsOf(context).submitted, {}, { timeout: SETTLES_MS }),
    ).toBeVisible();
    await expect(simulation.calls.addRecord).toBe(1);
    await expect(simulation.simulator.state.records).toHaveLength(1);
  },
};

/** The host opted in to dark (`data-theme="dark"`); the screenshots show every visual story in both themes. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: RequiredFieldEmpty.play,
};

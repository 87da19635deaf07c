import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import { ApiQueryArea, type ApiQueryAreaProps } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

/** The host's loading words for its form. */
const LOADING: Record<StoryLocale, string> = {
  zh: '正在加载表单…',
  'zh-Hant': '正在載入表單…',
  en: 'Loading the form…',
};

type Query = ApiQueryAreaProps<{ name: string }>['query'];
const loading: Query = {
  data: undefined,
  error: null,
  failureReason: null,
  fetchStatus: 'fetching',
  refetch: fn(),
};
/** A captive portal's page where the template was: a read error whose catalog scope is not `page`. */
const unreadable: Query = { ...loading, error: errorForKey('invalid-response'), fetchStatus: 'idle' };

const meta = {
  title: 'Components/ApiQueryArea',
  component: ApiQueryArea<{ name: string }>,
  args: { query: loading, children: (data) => <p>{data.name}</p> },
  argTypes: { query: { control: false }, children: { control: false } },
  render: (args, { globals }) => (
    <div style={{ maxWidth: '32rem' }}>
      <ApiQueryArea {...args} loadingLabel={LOADING[toStoryLocale(globals.locale)]} />
    </div>
  ),
  parameters: { layout: 'padded' },
} satisfies Meta<ApiQueryAreaProps<{ name: string }>>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The template on its way: busy, a polite status, calm shapes after 0.4 s (none for a fast load). */
export const Loading: Story = {
  tags: ['visual'],
  play: async ({ canvas, canvasElement }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent(/…/);
    await expect(canvasElement.querySelector('[aria-busy="true"]')).not.toBeNull();
    // Its shapes come after 0.4 s (a fast load shows none): the screenshots show them.
    await waitFor(() => expect(canvasElement.querySelector('.cae-loading__rows')).not.toBeNull());
  },
};

/** The template's answer could not be read: a Result with its retry, never a form with no fields. */
export const ReadFailed: Story = {
  tags: ['visual'],
  args: { query: unreadable },
  play: async ({ canvas, args }) => {
    const headline = canvas.getByRole('heading', { level: 2 });
    await waitFor(() => expect(headline).toHaveFocus());
    canvas.getAllByRole('button')[0]?.click();
    await waitFor(() => expect(args.query.refetch).toHaveBeenCalled());
  },
};

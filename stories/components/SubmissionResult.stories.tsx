import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import { SubmissionResult } from '../../src/react/index.js';

/** What happens next, in the host's words. */
const NEXT: Record<StoryLocale, string> = {
  zh: '工作人员会在 1 个工作日内短信联系您。',
  'zh-Hant': '工作人員會在 1 個工作天內以簡訊聯絡您。',
  en: 'We’ll text you within one working day.',
};

const meta = {
  title: 'Components/SubmissionResult',
  component: SubmissionResult,
  render: (args, { globals }) => (
    <SubmissionResult {...args}>{NEXT[toStoryLocale(globals.locale)]}</SubmissionResult>
  ),
  parameters: { layout: 'padded' },
} satisfies Meta<typeof SubmissionResult>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A phone's browser, no handler: the page ends here and says it can be closed. Headline focused. */
export const PageEnds: Story = {
  tags: ['visual'],
  play: async ({ canvas }) => {
    const headline = canvas.getByRole('heading', { level: 2 });
    await waitFor(() => expect(headline).toHaveFocus());
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** The host can empty its form: "fill in another" leads. */
export const FillAnother: Story = {
  tags: ['visual'],
  args: { onFillAnother: fn() },
  play: async ({ canvas, args }) => {
    canvas.getByRole('button').click();
    await waitFor(() => expect(args.onFillAnother).toHaveBeenCalledTimes(1));
  },
};

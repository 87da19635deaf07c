import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import { DraftResumePrompt } from '../../src/react/views/draft-resume-prompt.js';

const MINUTE = 60_000;

/** The host's own form, in the story's language. */
const FORM: Record<StoryLocale, { name: string; value: string; submit: string }> = {
  zh: { name: '姓名', value: '张三', submit: '提交' },
  'zh-Hant': { name: '姓名', value: '陳小明', submit: '送出' },
  en: { name: 'Name', value: 'Alex Chen', submit: 'Submit' },
};

const meta = {
  title: 'Components/DraftResumePrompt',
  component: DraftResumePrompt,
  args: { savedAt: Date.now() - 5 * MINUTE, onResume: fn(), onDiscard: fn() },
  argTypes: { savedAt: { control: 'date' } },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof DraftResumePrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

/** On return to the form, a submission that did not succeed is offered again. */
export const SavedMinutesAgo: Story = {};
/** Kept yesterday, in another tab's session or with `localStorage`. */
export const SavedDaysAgo: Story = { args: { savedAt: Date.now() - 26 * 60 * MINUTE } };
/** Above the form it belongs to, at the top of the page. */
export const AboveTheForm: Story = {
  render: (args, { globals }) => {
    const form = FORM[toStoryLocale(globals.locale)];
    return (
      <div style={{ display: 'grid', gap: 16, maxWidth: '36rem' }}>
        <DraftResumePrompt {...args} />
        <label className="cae-field" style={{ display: 'grid', gap: 4 }}>
          {form.name}
          <input className="cae-input" defaultValue={form.value} />
        </label>
        <button type="button" className="cae-button cae-button--primary" style={{ justifySelf: 'start' }}>
          {form.submit}
        </button>
      </div>
    );
  },
};

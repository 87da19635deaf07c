import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { RetryCountdown } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const meta = {
  title: 'Components/RetryCountdown',
  component: RetryCountdown,
  args: { error: errorForKey('429', { retryAfterMs: 10_000 }), onRetry: fn() },
  argTypes: { error: { control: false } },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof RetryCountdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A read: sent again by itself when the wait ends. */
export const Read: Story = {};
/** A write: the button is enabled when the wait ends. */
export const Write: Story = { args: { write: true } };
/** A write React Query sends again by itself: the wait, then "submitting it for you". */
export const WriteRetriedAutomatically: Story = {
  args: { write: true, automatic: true, onRetry: undefined },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { RateLimitCountdown } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const meta = {
  title: 'Components/RateLimitCountdown',
  component: RateLimitCountdown,
  args: { error: errorForKey('429', { retryAfterMs: 10_000 }), onRetry: fn() },
  argTypes: { error: { control: false } },
} satisfies Meta<typeof RateLimitCountdown>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Read: Story = {};
export const Write: Story = { args: { write: true } };

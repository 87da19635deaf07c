import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const meta = {
  title: 'Components/ApiErrorView',
  component: ApiErrorView,
  args: { error: errorForKey('502'), onRetry: fn() },
  argTypes: {
    variant: { control: 'inline-radio', options: ['page', 'inline'] },
    write: { control: 'boolean' },
    error: { control: false },
  },
} satisfies Meta<typeof ApiErrorView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadFailedPage: Story = {};
export const WriteFailedInline: Story = { args: { write: true } };
export const IdentityRequired: Story = {
  args: { error: errorForKey('100329'), onCompleteIdentity: fn(async () => true) },
};
export const EmptyLiveRegion: Story = { args: { error: null, variant: 'inline' } };

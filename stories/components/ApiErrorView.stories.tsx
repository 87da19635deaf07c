import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const meta = {
  title: 'Components/ApiErrorView',
  component: ApiErrorView,
  args: { error: errorForKey('502'), onRetry: fn() },
  argTypes: {
    variant: { control: 'inline-radio', options: ['page', 'result', 'inline'] },
    audience: { control: 'inline-radio', options: ['public', 'staff'] },
    write: { control: 'boolean' },
    error: { control: false },
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ApiErrorView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadFailedPage: Story = {};
/** A submission whose answer never came: the copy and the (secondary) resend agree. */
export const WriteFailedInline: Story = { args: { write: true } };
/** A submission that ended the flow, as the Result that replaces the form. */
export const FormClosedResult: Story = {
  args: { error: errorForKey('100312'), variant: 'result', write: true },
};
export const IdentityRequired: Story = {
  args: { error: errorForKey('100329'), onCompleteIdentity: fn(async () => true) },
};
/** No handler at all: the view still offers a way forward (here, copying its reference). */
export const NoHandlers: Story = { args: { error: errorForKey('100322'), onRetry: undefined } };
export const EmptyLiveRegion: Story = { args: { error: null, variant: 'inline' } };

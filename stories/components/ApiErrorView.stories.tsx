import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn } from 'storybook/test';
import { ApiErrorView, type ApiMutationState } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

/** A 502 on a submission whose key the proxy remembers (it echoed `Idempotency-Key`). */
const keyed502 = errorForKey('502', { idempotencyKey: '5f0c2a4e-8d7b-4c3e-9a51-2b6f1d0e7c93' });
const values = { name: '张三' };

/** A mutation that failed with `keyed502`, then — as after a click on its resend — is sent again. */
function ResendingAfterAmbiguousFailure() {
  const [resent, setResent] = useState(false);
  useEffect(() => setResent(true), []);
  const mutation: ApiMutationState = {
    error: resent ? null : keyed502,
    failureReason: null,
    isPending: resent,
    variables: values,
    mutateAsync: async () => {},
  };
  return <ApiErrorView mutation={mutation} />;
}

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
/**
 * The same behind a proxy that remembers the submission's idempotency key: a resend cannot store
 * twice, so it says so and the resend leads.
 */
export const WriteFailedResendIsSafe: Story = { args: { error: keyed502, write: true } };
/** The staff get no such promise: the proxy cannot look a verification up. */
export const WriteFailedResendIsSafeStaff: Story = {
  args: { error: keyed502, write: true, audience: 'staff' },
};
/** Without a key, an organizer to contact leads; resending is the informed choice, last. */
export const WriteFailedWithContact: Story = {
  args: { error: errorForKey('http'), write: true, onContactSupport: fn() },
};
/** The resend of `WriteFailedResendIsSafe` on its way: checking whether the first one was saved. */
export const CheckingWhetherStored: Story = { render: () => <ResendingAfterAmbiguousFailure /> };
/** A submission that ended the flow, as the Result that replaces the form. */
export const FormClosedResult: Story = {
  args: { error: errorForKey('100312'), variant: 'result', write: true },
};
export const IdentityRequired: Story = {
  args: { error: errorForKey('100329'), onCompleteIdentity: fn(async () => true) },
};
/**
 * A system error of a submission through the proxy: the reference to give the organizer is the
 * answer's `X-Request-Id`, the id of the proxy's log entry for that very call.
 */
export const ReferenceIsTheRequestId: Story = {
  args: {
    error: errorForKey('100300', { requestId: '3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f' }),
    variant: 'inline',
    write: true,
  },
  tags: ['visual'],
  play: async ({ canvas }) => {
    const reference = canvas.getByText('3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f', { selector: 'code' });
    await expect(reference).toBeVisible();
  },
};
/** No handler at all: the view still offers a way forward (here, copying its reference). */
export const NoHandlers: Story = { args: { error: errorForKey('100322'), onRetry: undefined } };
export const EmptyLiveRegion: Story = { args: { error: null, variant: 'inline' } };

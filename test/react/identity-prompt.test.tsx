import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

// Virtual time: "exactly once" and "never" are checked a minute after the flow ended, not after a
// short sleep that a late retry would outlast.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

/** The host's identity flow, left open until the test ends it. */
function identityFlow(calls: string[] = []) {
  let end: (completed: boolean) => void = () => {};
  const onCompleteIdentity = vi.fn(() => {
    calls.push('identity');
    return new Promise<boolean>((resolve) => {
      end = resolve;
    });
  });
  return { onCompleteIdentity, end: (completed: boolean) => act(async () => end(completed)) };
}

describe('100329: identity information required', () => {
  it('opens the identity flow, then retries exactly once after it completes', async () => {
    const calls: string[] = [];
    const flow = identityFlow(calls);
    const onRetry = vi.fn(() => {
      calls.push('retry');
    });
    renderIn(
      'zh',
      <ApiErrorView
        error={errorFor('100329')}
        onCompleteIdentity={flow.onCompleteIdentity}
        onRetry={onRetry}
      />,
    );

    const button = screen.getByRole('button', { name: zh.actions['complete-identity'] });
    await act(async () => button.click());
    await act(async () => button.click()); // a second click while the form is open does nothing
    expect(onRetry).not.toHaveBeenCalled();
    await flow.end(true);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(calls).toEqual(['identity', 'retry']);
    expect(flow.onCompleteIdentity).toHaveBeenCalledTimes(1);
  });

  it('does not retry when the person cancels the identity flow', async () => {
    const flow = identityFlow();
    const onRetry = vi.fn();
    renderIn(
      'en',
      <ApiErrorView
        error={errorFor('100329')}
        onCompleteIdentity={flow.onCompleteIdentity}
        onRetry={onRetry}
      />,
    );
    const button = screen.getByRole('button', { name: en.actions['complete-identity'] });
    await act(async () => button.click());
    expect(button).toHaveAttribute('aria-busy', 'true');
    await flow.end(false);
    // The button is free again only once the action has ended: a retry would have gone before.
    expect(button).not.toHaveAttribute('aria-busy');
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(onRetry).not.toHaveBeenCalled();
  });
});

import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

describe('100329: identity information required', () => {
  it('opens the identity flow, then retries exactly once after it completes', async () => {
    const calls: string[] = [];
    let complete: (done: boolean) => void = () => {};
    const onCompleteIdentity = vi.fn(() => {
      calls.push('identity');
      return new Promise<boolean>((resolve) => {
        complete = resolve;
      });
    });
    const onRetry = vi.fn(() => {
      calls.push('retry');
    });
    renderIn(
      'zh',
      <ApiErrorView error={errorFor('100329')} onCompleteIdentity={onCompleteIdentity} onRetry={onRetry} />,
    );

    const button = screen.getByRole('button', { name: zh.actions['complete-identity'] });
    await userEvent.click(button);
    await userEvent.click(button); // a second click while the form is open does nothing
    expect(onRetry).not.toHaveBeenCalled();
    complete(true);
    await vi.waitFor(() => expect(onRetry).toHaveBeenCalledTimes(1));
    expect(calls).toEqual(['identity', 'retry']);
    expect(onCompleteIdentity).toHaveBeenCalledTimes(1);
  });

  it('does not retry when the person cancels the identity flow', async () => {
    const onRetry = vi.fn();
    renderIn(
      'en',
      <ApiErrorView error={errorFor('100329')} onCompleteIdentity={async () => false} onRetry={onRetry} />,
    );
    await userEvent.click(screen.getByRole('button', { name: en.actions['complete-identity'] }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onRetry).not.toHaveBeenCalled();
  });
});

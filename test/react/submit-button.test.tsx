import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiError, apiRetryDelay, apiWriteRetry } from '../../src/core/index.js';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorView, useSubmitButton } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

// In steps: act() flushes React's work only when it ends, and each second schedules the next.
async function tick(ms: number) {
  for (let elapsed = 0; elapsed < ms; elapsed += 100) await act(() => vi.advanceTimersByTimeAsync(100));
}

const fill = (text: string | undefined, seconds: number) =>
  String(text).replace('{{seconds}}', String(seconds));

/** A form as the README's recipe builds it: the error beside the host's own submit button. */
function Form({ send, retry }: { send: () => Promise<unknown>; retry: boolean }) {
  const submit = useMutation({
    mutationFn: send,
    ...(retry ? { retry: apiWriteRetry, retryDelay: apiRetryDelay } : { retry: false }),
  });
  const button = useSubmitButton(submit);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!button.disabled) submit.mutate();
      }}
    >
      <ApiErrorView mutation={submit} />
      <button type="submit" className={button.className} aria-disabled={button.disabled || undefined}>
        {button.label ?? (button.sending ? 'sending' : 'submit')}
      </button>
    </form>
  );
}

function renderForm(lng: 'zh' | 'en', answers: (ApiError | 'ok')[], retry = false, staff = false) {
  const send = vi.fn(async () => {
    const answer = answers.shift() ?? 'ok';
    if (answer === 'ok') return { record_id: 1 };
    throw answer;
  });
  const client = new QueryClient();
  const wrap = (ui: ReactNode) => <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
  renderIn(lng, wrap(<Form send={send} retry={retry} />), staff ? { audience: 'staff' } : {});
  return { send, submitButton: () => document.querySelector('button[type="submit"]') as HTMLElement };
}

/** The buttons that lead and can be pressed now. */
const leading = () => [...document.querySelectorAll('.cae-button--primary:not([aria-disabled="true"])')];

async function press(button: HTMLElement) {
  await act(async () => button.click());
}

describe('useSubmitButton', () => {
  it('while the automatic resend after a 429 counts down, says so (not "sending"), disabled, then "sending", then submit again', async () => {
    const { send, submitButton } = renderForm('zh', [errorForKey('429', { retryAfterMs: 3000 })], true);
    expect(submitButton()).toHaveTextContent('submit');
    await press(submitButton());
    await tick(100);
    const timer = screen.getByRole('timer');
    // The same clock as the panel's countdown, on both.
    expect(submitButton()).toHaveTextContent(timer.textContent ?? '');
    expect(submitButton().textContent).toMatch(
      new RegExp(fill(zh.ui.waitAuto_write, 3).replace('3', '[34]')),
    );
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true');
    await press(submitButton());
    expect(send).toHaveBeenCalledTimes(1);
    await tick(1000);
    expect(submitButton()).toHaveTextContent(timer.textContent ?? '');
    await tick(4000);
    expect(send).toHaveBeenCalledTimes(2);
    // Sent: the success leaves it as it was.
    expect(submitButton()).toHaveTextContent('submit');
    expect(submitButton()).not.toHaveAttribute('aria-disabled');
  });

  it('reads "sending" once the automatic resend is on its way', async () => {
    let answer: (value: unknown) => void = () => {};
    const answers: (ApiError | 'ok')[] = [errorForKey('429', { retryAfterMs: 1000 })];
    const send = vi.fn(() =>
      answers.length > 0 ? Promise.reject(answers.shift()) : new Promise((resolve) => (answer = resolve)),
    );
    const client = new QueryClient();
    renderIn(
      'en',
      <QueryClientProvider client={client}>
        <Form send={send} retry />
      </QueryClientProvider>,
    );
    const button = document.querySelector('button[type="submit"]') as HTMLElement;
    await press(button);
    await tick(2500);
    expect(send).toHaveBeenCalledTimes(2);
    expect(button).toHaveTextContent(en.ui.sending_write as string);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await act(async () => answer({}));
  });

  it('during a 429 wait for the person: disabled with "N 秒后可以重新提交", stepped back; then enabled, and the panel’s resend leads alone', async () => {
    const { send, submitButton } = renderForm('zh', [errorForKey('429', { retryAfterMs: 2000 })]);
    await press(submitButton());
    await tick(100);
    expect(submitButton()).toHaveTextContent(fill(zh.ui.waitManual_write, 2));
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true');
    expect(submitButton()).not.toHaveClass('cae-button--primary');
    await press(submitButton());
    expect(send).toHaveBeenCalledTimes(1);
    await tick(2000);
    expect(submitButton()).toHaveTextContent('submit');
    expect(submitButton()).not.toHaveAttribute('aria-disabled');
    expect(submitButton()).not.toHaveClass('cae-button--primary');
    const resend = within(screen.getByRole('alert')).getByRole('button', { name: zh.actions.retry_write });
    expect(leading()).toEqual([resend]);
  });

  it('for the staff, says the staff’s wait, in the words of the countdown beside it', async () => {
    const { submitButton } = renderForm('zh', [errorForKey('429', { retryAfterMs: 2000 })], false, true);
    await press(submitButton());
    await tick(100);
    expect(screen.getByRole('timer')).toHaveTextContent(/2/);
    expect(submitButton()).toHaveTextContent(screen.getByRole('timer').textContent ?? '');
  });

  it('after a keyed 502, steps back: the panel’s 重新提交 is the one primary action', async () => {
    const { submitButton } = renderForm('zh', [errorForKey('502', { idempotencyKey: 'k-1' })]);
    await press(submitButton());
    await tick(100);
    const resend = within(screen.getByRole('alert')).getByRole('button', {
      name: zh.actions.retry_idempotent as string,
    });
    expect(leading()).toEqual([resend]);
    expect(submitButton()).not.toHaveAttribute('aria-disabled');
  });

  it('after an unkeyed 502 (a resend may store twice), is no bright submit under the warning', async () => {
    const { submitButton } = renderForm('en', [errorForKey('502')]);
    await press(submitButton());
    await tick(100);
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors[502].description_write as string);
    expect(submitButton()).not.toHaveClass('cae-button--primary');
    expect(leading()).toEqual([]);
  });

  it('leads while the error asks for the fields to be fixed, and while the first attempt is on its way, disabled', async () => {
    let answer: (value: unknown) => void = () => {};
    const answers: (ApiError | 'pending')[] = [errorForKey('100309'), 'pending'];
    const send = vi.fn(() =>
      answers.shift() === 'pending'
        ? new Promise((resolve) => (answer = resolve))
        : Promise.reject(errorForKey('100309')),
    );
    renderIn(
      'en',
      <QueryClientProvider client={new QueryClient()}>
        <Form send={send} retry={false} />
      </QueryClientProvider>,
    );
    const button = document.querySelector('button[type="submit"]') as HTMLElement;
    await press(button);
    await tick(100);
    expect(button).toHaveClass('cae-button--primary');
    expect(button).not.toHaveAttribute('aria-disabled');
    await press(button);
    await tick(100);
    expect(button).toHaveTextContent('sending');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveClass('cae-button--primary');
    await act(async () => answer({}));
    await tick(100);
    expect(button).toHaveTextContent('submit');
  });
});

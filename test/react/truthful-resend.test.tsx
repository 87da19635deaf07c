import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ErrorKey } from '../../src/core/index.js';
import { en, zh, zhStaff } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const KEY = '5f0c2a4e-8d7b-4c3e-9a51-2b6f1d0e7c93';
const AMBIGUOUS: ErrorKey[] = ['502', 'network', 'timeout', 'http', 'invalid-response'];
const keyed = (key: ErrorKey) => errorForKey(key, { idempotencyKey: KEY });

describe('an ambiguous write behind a proxy that remembers its key', () => {
  it.each(AMBIGUOUS)('%s says a resend cannot store twice, and its resend leads (zh)', async (key) => {
    const onRetry = vi.fn();
    renderIn('zh', <ApiErrorView error={keyed(key)} write onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    const description = zh.errors[key].description_idempotent as string;
    expect(description).toContain('重新提交不会重复记录');
    expect(description).toContain('您填写的内容都还在');
    expect(within(alert).getByText(description)).toBeInTheDocument();
    const resend = within(alert).getAllByRole('button')[0] as HTMLElement;
    expect(resend).toHaveAccessibleName(zh.actions.retry_idempotent as string);
    expect(resend).toHaveClass('cae-button--primary');
    await userEvent.click(resend);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says the same in English', () => {
    renderIn('en', <ApiErrorView error={keyed('network')} write onRetry={() => {}} />);
    expect(screen.getByText(en.errors.network.description_idempotent as string)).toBeInTheDocument();
    expect(en.errors.network.description_idempotent).toMatch(/won’t save them twice/);
    expect(screen.getByRole('button', { name: en.actions.retry_idempotent })).toHaveClass(
      'cae-button--primary',
    );
    expect(screen.queryByRole('button', { name: en.actions.retry_ambiguous })).toBeNull();
  });

  it('keeps the staff’s honest "check the certificate first": the proxy cannot look a verification up', () => {
    renderIn('zh', <ApiErrorView error={keyed('502')} write audience="staff" onRetry={() => {}} />);
    expect(screen.getByText(zhStaff.errors[502].description_write_staff as string)).toBeInTheDocument();
    expect(screen.queryByText(zh.errors[502].description_idempotent as string)).toBeNull();
    const resend = screen.getByRole('button', { name: zhStaff.actions.retry_ambiguous_staff });
    expect(resend).not.toHaveClass('cae-button--primary');
  });

  it('is no different for a read, which stored nothing', () => {
    renderIn('zh', <ApiErrorView error={keyed('502')} variant="inline" onRetry={() => {}} />);
    expect(screen.getByText(zh.errors[502].description)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zh.actions.retry })).toHaveClass('cae-button--primary');
  });
});

describe('an ambiguous write without a remembered key', () => {
  it.each(['zh', 'en'] as const)('stays honest in %s, and its leading action is not the resend', (lng) => {
    const texts = lng === 'zh' ? zh : en;
    renderIn(lng, <ApiErrorView error={errorForKey('http')} write onRetry={() => {}} />, {
      contactHref: 'tel:+8640000000',
    });
    expect(screen.getByText(texts.errors.http.description_write as string)).toBeInTheDocument();
    const actions = screen.getByRole('alert').querySelectorAll('.cae-error__actions > *');
    expect(actions).toHaveLength(2);
    const [leading, last] = actions as unknown as HTMLElement[];
    expect(leading).toHaveAccessibleName(texts.actions['contact-support']);
    expect(leading).toHaveClass('cae-button--primary');
    expect(last).toHaveAccessibleName(texts.actions.retry_ambiguous as string);
    expect(last).not.toHaveClass('cae-button--primary');
  });
});

/** A form's submit and its error view, on one mutation. */
function Submission({
  send,
  variant,
}: {
  send: (values: { name: string }) => Promise<unknown>;
  variant?: 'result';
}) {
  const submit = useMutation({ mutationFn: send });
  return (
    <>
      <button type="button" onClick={() => submit.mutate({ name: '张三' })}>
        submit
      </button>
      <button type="button" onClick={() => submit.mutate({ name: '李四' })}>
        submit changed
      </button>
      <ApiErrorView mutation={submit} variant={variant} />
    </>
  );
}

function renderSubmission(
  lng: 'zh' | 'en',
  send: (values: { name: string }) => Promise<unknown>,
  variant?: 'result',
) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return renderIn(
    lng,
    <QueryClientProvider client={client}>
      <Submission send={send} variant={variant} />
    </QueryClientProvider>,
  );
}

/** A promise and the functions that settle it. */
function deferred() {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('resending an ambiguous keyed write from the view', () => {
  it.each([
    ['zh', zh.ui.confirmingResend],
    ['en', en.ui.confirmingResend],
  ] as const)(
    'says in %s that it is checking whether the first one was saved, until it succeeds',
    async (lng, line) => {
      const second = deferred();
      const send = vi.fn().mockRejectedValueOnce(keyed('502')).mockReturnValueOnce(second.promise);
      const { container } = renderSubmission(lng, send);
      await userEvent.click(screen.getByRole('button', { name: 'submit' }));
      const texts = lng === 'zh' ? zh : en;
      const resend = await screen.findByRole('button', { name: texts.actions.retry_idempotent as string });
      const status = screen.getByRole('status');
      expect(status).toBeEmptyDOMElement(); // the region is there before it fills
      await userEvent.click(resend);

      await waitFor(() => expect(status).toHaveTextContent(line));
      expect(send).toHaveBeenCalledTimes(2);
      expect(send.mock.calls[1]?.[0]).toEqual({ name: '张三' });
      expect(status.querySelector('.cae-progress__spinner')).toHaveAttribute('aria-hidden', 'true');
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();
      expect(
        container.querySelector('[role="alert"] [role="status"], [role="status"] [role="alert"]'),
      ).toBeNull();
      // The button that had focus is gone: focus is on the status that replaced it, not the page.
      expect(status).toHaveFocus();

      await act(async () => second.resolve({ id: 1 }));
      await waitFor(() => expect(status).toBeEmptyDOMElement());
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();

      // Stored: the same values sent once more are a new submission, with nothing left to check.
      send.mockReturnValueOnce(new Promise(() => {}));
      await userEvent.click(screen.getByRole('button', { name: 'submit' }));
      await waitFor(() => expect(send).toHaveBeenCalledTimes(3));
      expect(status).toBeEmptyDOMElement();
    },
  );

  it('ends in the new error’s view when the resend fails again', async () => {
    const second = deferred();
    const send = vi.fn().mockRejectedValueOnce(keyed('timeout')).mockReturnValueOnce(second.promise);
    renderSubmission('zh', send);
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await userEvent.click(await screen.findByRole('button', { name: zh.actions.retry_idempotent as string }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(zh.ui.confirmingResend));

    await act(async () => second.reject(errorForKey('100312')));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(zh.errors[100312].title));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says it in a view that replaces the form area too, as a status', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(keyed('502'))
      .mockReturnValueOnce(new Promise(() => {}));
    renderSubmission('en', send, 'result');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await userEvent.click(await screen.findByRole('button', { name: en.actions.retry_idempotent as string }));
    expect(await screen.findByRole('status')).toHaveTextContent(en.ui.confirmingResend);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('does not claim to check when the person changed the values: a new submission', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(keyed('502'))
      .mockReturnValueOnce(new Promise(() => {}));
    renderSubmission('zh', send);
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await screen.findByRole('button', { name: zh.actions.retry_idempotent as string });
    await userEvent.click(screen.getByRole('button', { name: 'submit changed' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it.each([
    ['an ambiguous write without a key', errorForKey('502')],
    ['a refusal that stored nothing', errorForKey('100300', { idempotencyKey: KEY })],
    ['a 429', new ApiError({ kind: 'api', code: 429, status: 429, idempotencyKey: KEY })],
  ])('does not claim to check after %s', async (_, first) => {
    const second = deferred();
    const send = vi.fn().mockRejectedValueOnce(first).mockReturnValueOnce(second.promise);
    renderSubmission('zh', send);
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await waitFor(() => expect(screen.getByRole('alert')).not.toBeEmptyDOMElement());
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByText(zh.ui.confirmingResend)).toBeNull();
    await act(async () => second.resolve({ id: 1 }));
  });
});

import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRetry, apiRetryDelay, apiWriteRetry, getRetryAt } from '../../src/core/index.js';
import { en, zh, zhStaff } from '../../src/i18n/index.js';
import { ApiErrorView, RetryCountdown } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const panelRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock(import('../../src/react/views/error-panel.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    ErrorPanel: (props) => {
      panelRenders.count += 1;
      return original.ErrorPanel(props);
    },
  };
});

beforeEach(() => {
  vi.useFakeTimers();
  panelRenders.count = 0;
});
afterEach(() => vi.useRealTimers());

// In steps: act() flushes React's work only when it ends, and each second schedules the next.
async function tick(ms: number) {
  for (let elapsed = 0; elapsed < ms; elapsed += 100) await act(() => vi.advanceTimersByTimeAsync(100));
}

const fill = (text: string, seconds: number) => text.replace('{{seconds}}', String(seconds));
const live = () => document.querySelector('[aria-live="polite"]');

describe('the 429 countdown of an error alone', () => {
  it('counts down from Retry-After, calls onRetry once at the end, and re-renders only itself, once a second', async () => {
    const onRetry = vi.fn();
    const commits: string[] = [];
    renderIn(
      'zh',
      <Profiler id="view" onRender={(_, phase) => commits.push(phase)}>
        <ApiErrorView error={errorFor('429', { retryAfterMs: 5000 })} onRetry={onRetry} />
      </Profiler>,
    );
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent(fill(zh.ui.waitAuto, 5));
    // The view's live region reads the wait as it appears; its own copy stays quiet until the end.
    expect(screen.getByRole('status')).toContainElement(timer);
    expect(live()).toBeEmptyDOMElement();

    await tick(1000);
    expect(timer).toHaveTextContent(fill(zh.ui.waitAuto, 4));
    await tick(2500);
    expect(timer).toHaveTextContent(fill(zh.ui.waitAuto, 2));
    expect(onRetry).not.toHaveBeenCalled();
    await tick(1500);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(live()).toHaveTextContent(zh.ui.sending);
    await tick(10_000);
    expect(onRetry).toHaveBeenCalledTimes(1);

    // The mount, the start announcement with the bar, one commit per second shown (4, 3, 2, 1, 0),
    // the end announcement: nothing in between, nothing after.
    expect(commits).toEqual(['mount', ...Array(7).fill('update')]);
    expect(panelRenders.count).toBe(1);
  });

  it('reads the desk’s wait once: with the error, not again from its own copy', async () => {
    renderIn(
      'zh',
      <ApiErrorView
        error={errorFor('429', { retryAfterMs: 3000 })}
        write
        audience="staff"
        onRetry={() => {}}
      />,
    );
    const alert = screen.getByRole('alert');
    const waitLine = fill(zhStaff.ui.waitManual_staff as string, 3);
    // What is read as the alert appears: the wait, once. Nothing else may say it again.
    expect(alert).toHaveTextContent(waitLine);
    expect(alert.textContent?.split(waitLine).length).toBe(2);
    await tick(1000);
    expect(live()).toBeEmptyDOMElement();
    // The end is news the alert no longer carries: its own copy says it, once.
    await tick(2100);
    expect(live()).toHaveTextContent(zhStaff.ui.waitOver_staff as string);
    expect(screen.getByRole('timer')).toHaveTextContent(zhStaff.ui.waitOver_staff as string);
    expect(document.querySelectorAll('[aria-live="polite"]')).toHaveLength(1);
  });

  it('announces the wait itself where no live region reads it (a countdown on its own)', async () => {
    renderIn('en', <RetryCountdown error={errorFor('429', { retryAfterMs: 2000 })} onRetry={() => {}} />);
    expect(live()).toHaveTextContent(fill(en.ui.waitAuto, 2));
    await tick(2100);
    expect(live()).toHaveTextContent(en.ui.sending);
  });

  it('calls onRetry once, also when the host passes a new function on every render', async () => {
    const onRetry = vi.fn();
    const error = errorFor('429', { retryAfterMs: 1000 });
    const { rerender } = renderIn('en', <ApiErrorView error={error} onRetry={() => onRetry()} />);
    await tick(1100);
    expect(onRetry).toHaveBeenCalledTimes(1);
    for (let render = 0; render < 3; render += 1) {
      rerender(<ApiErrorView error={error} onRetry={() => onRetry()} />);
      await tick(1000);
    }
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('for a write, enables the retry button when the wait ends, and retries only when pressed', async () => {
    const onRetry = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('429', { retryAfterMs: 2000 })} write onRetry={onRetry} />);
    const button = screen.getByRole('button', { name: en.actions.retry_write });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await act(async () => button.click());
    expect(onRetry).not.toHaveBeenCalled();
    expect(screen.getByRole('timer')).toHaveTextContent(fill(en.ui.waitManual_write, 2));
    await tick(2000);
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(live()).toHaveTextContent(en.ui.waitOver_write);
    expect(onRetry).not.toHaveBeenCalled();
    await act(async () => button.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('waits its own jittered 5–10 s when the server sent no Retry-After', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const onRetry = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('429')} onRetry={onRetry} />);
    expect(screen.getByRole('timer')).toHaveTextContent(fill(en.ui.waitAuto, 8));
    await tick(7400);
    expect(onRetry).not.toHaveBeenCalled();
    await tick(200);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows one clock for one error: a view opened later counts to the same moment', async () => {
    const error = errorFor('429', { retryAfterMs: 8000 });
    const { rerender } = renderIn(
      'en',
      <ApiErrorView error={error} variant="page" write onRetry={() => {}} />,
    );
    await tick(1500);
    rerender(
      <>
        <ApiErrorView error={error} variant="page" write onRetry={() => {}} />
        <ApiErrorView error={error} variant="inline" write onRetry={() => {}} />
      </>,
    );
    const [first, second] = screen.getAllByRole('timer');
    expect(first).toHaveTextContent(fill(en.ui.waitManual_write, 7));
    expect(second).toHaveTextContent(fill(en.ui.waitManual_write, 7));
  });
});

function withQueryClient(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function Submit({ send }: { send: (variables: object) => Promise<unknown> }) {
  const submit = useMutation({ mutationFn: send, retry: apiWriteRetry, retryDelay: apiRetryDelay });
  return (
    <>
      <button type="button" onClick={() => submit.mutate({})}>
        go
      </button>
      <ApiErrorView mutation={submit} />
      {submit.isSuccess && <p>stored</p>}
    </>
  );
}

/** A read retried once by React Query, then given up on. */
function Form({ fetchForm }: { fetchForm: () => Promise<unknown> }) {
  const query = useQuery({
    queryKey: ['form'],
    queryFn: fetchForm,
    retry: (count, error) => count < 1 && apiRetry(count, error),
    retryDelay: apiRetryDelay,
  });
  return <ApiErrorView query={query} />;
}

describe('a view given the mutation or query itself', () => {
  it('shows the wait of a write React Query retries by itself at once, counting to the retry it scheduled', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // the policy's jitter: + 0.5 × 20 % of 3 s
    const rateLimited = errorFor('429', { retryAfterMs: 3000 });
    const send = vi.fn().mockRejectedValueOnce(rateLimited).mockResolvedValue({ record_id: 1 });
    renderIn('zh', withQueryClient(<Submit send={send} />));
    const clicked = Date.now();
    await act(async () => screen.getByRole('button', { name: 'go' }).click());
    await tick(100); // React Query tells its observers on the next tick
    // Never silence: the wait is there as soon as the first attempt failed …
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent(fill(zh.ui.waitAuto_write, 4)); // 3.3 s, to the retry's own moment
    expect(getRetryAt(rateLimited)).toBe(clicked + 3300);
    expect(screen.getByRole('alert')).toHaveTextContent(zh.errors[429].title_write as string);
    expect(screen.queryByRole('button', { name: zh.actions.retry_write })).toBeNull();
    await tick(2900);
    expect(send).toHaveBeenCalledTimes(1);
    expect(timer).toHaveTextContent(fill(zh.ui.waitAuto_write, 1));
    await tick(400);
    // … and the retry leaves when the countdown says so.
    expect(send).toHaveBeenCalledTimes(2);
    expect(screen.getByText('stored')).toBeInTheDocument();
  });

  it('enables the retry once React Query has given up on a read, instead of “retrying” forever', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const fetchForm = vi.fn().mockRejectedValue(errorFor('429', { retryAfterMs: 2000 }));
    renderIn('en', withQueryClient(<Form fetchForm={fetchForm} />));
    await tick(100);
    expect(screen.getByRole('timer')).toHaveTextContent(fill(en.ui.waitAuto, 2));
    await tick(2100);
    expect(fetchForm).toHaveBeenCalledTimes(2);
    // Given up: the last 429 still asks for 2 s, then the button sends it again.
    const button = screen.getByRole('button', { name: en.actions.retry });
    expect(screen.getByRole('timer')).toHaveTextContent(fill(en.ui.waitManual, 2));
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await tick(2000);
    expect(button).not.toHaveAttribute('aria-disabled');
    await act(async () => button.click());
    await tick(100);
    expect(fetchForm).toHaveBeenCalledTimes(3);
  });
});

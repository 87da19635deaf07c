import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const panelRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock(import('../../src/react/error-panel.js'), async (importOriginal) => {
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

describe('the 429 countdown', () => {
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
    expect(timer).toHaveTextContent('5 秒后自动重试');
    expect(screen.getByText(zh.ui.waitStarted.replace('{{seconds}}', '5'))).toHaveAttribute(
      'aria-live',
      'polite',
    );

    await tick(1000);
    expect(timer).toHaveTextContent('4 秒后自动重试');
    await tick(2500);
    expect(timer).toHaveTextContent('2 秒后自动重试');
    expect(onRetry).not.toHaveBeenCalled();
    await tick(1500);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(zh.ui.retrying);
    await tick(10_000);
    expect(onRetry).toHaveBeenCalledTimes(1);

    // The mount, the start announcement, one commit per second shown (4, 3, 2, 1, 0), the end
    // announcement: nothing in between, nothing after.
    expect(commits).toEqual(['mount', ...Array(7).fill('update')]);
    expect(panelRenders.count).toBe(1);
  });

  it('for a write, enables the retry button when the wait ends, and retries only when pressed', async () => {
    const onRetry = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('429', { retryAfterMs: 2000 })} write onRetry={onRetry} />);
    const button = screen.getByRole('button', { name: en.actions.retry });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await act(async () => button.click());
    expect(onRetry).not.toHaveBeenCalled();
    expect(screen.getByRole('timer')).toHaveTextContent('You can try again in 2 s');
    await tick(2000);
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(screen.getByText(en.ui.waitEnded)).toBeInTheDocument();
    expect(onRetry).not.toHaveBeenCalled();
    await act(async () => button.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('waits its own jittered 5–10 s when the server sent no Retry-After', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const onRetry = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('429')} onRetry={onRetry} />);
    expect(screen.getByRole('timer')).toHaveTextContent('Trying again in 8 s');
    await tick(7400);
    expect(onRetry).not.toHaveBeenCalled();
    await tick(200);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

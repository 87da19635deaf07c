import { act, render } from '@testing-library/react';
import { Profiler, type ReactElement } from 'react';
import { afterAll, describe, it, vi } from 'vitest';
import { ApiError, apiRetryDelay } from '../src/core/index.js';
import { createApiErrorsI18n } from '../src/i18n/index.js';
import { ApiErrorBoundary, ApiErrorsProvider, ApiErrorView } from '../src/react/index.js';
import { errorForKey } from '../src/testing/index.js';
import { setupMockApi } from '../test/support/msw.js';
import { mswGateway } from './msw-gateway.js';
import { recordResults, spread, table } from './report.js';
import { runStorm, type StormClient, type StormResult } from './storm.js';

const server = setupMockApi();
/** Each virtual storm is run this many times: the retry jitter is random. */
const STORM_RUNS = 5;
const results: Record<string, unknown> = {};

// Counts renders of the panel and of the countdown inside it; each still renders as it would.
const renders = vi.hoisted(() => ({ panel: 0, countdown: 0 }));
vi.mock(import('../src/react/views/error-panel.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    ErrorPanel: (props) => {
      renders.panel += 1;
      return original.ErrorPanel(props);
    },
  };
});
vi.mock(import('../src/react/views/retry-countdown.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    RetryCountdown: (props) => {
      renders.countdown += 1;
      return original.RetryCountdown(props);
    },
  };
});

function Thrower(): ReactElement {
  throw errorForKey('502');
}

afterAll(() => recordResults(results));

describe('bench', () => {
  it('rate-limit storm: 20 queries, 5-token bucket refilled 5/s, virtual time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const rows = [];
    for (const client of [
      'ours (apiRetry + the gate)',
      'ours with rateLimit 5/s',
      'apiRetry, no gate',
      'React Query defaults',
      'ideal (5 a second)',
    ] as StormClient[]) {
      const runs: StormResult[] = [];
      for (let run = 0; run < STORM_RUNS; run += 1) {
        runs.push(
          await runStorm(client, mswGateway(server), {
            step: () => vi.advanceTimersByTimeAsync(10),
            limitMs: 60_000,
          }),
        );
      }
      const of = (pick: (result: StormResult) => number) => spread(runs.map(pick));
      rows.push({
        client,
        requests: of((result) => result.requests),
        '429 answers': of((result) => result.tooMany),
        served: `${of((result) => result.served)} of 20`,
        'queries in error': of((result) => result.errors),
        'all settled at (s)': spread(
          runs.map((result) => result.seconds),
          2,
        ),
      });
    }
    vi.useRealTimers();
    results.rateLimitStorm = rows;
    table(`Rate-limit storm (virtual time), ${STORM_RUNS} runs each: min–max`, rows);
  });

  it('1,000 clients released by the same Retry-After: 10', () => {
    // Without jitter all 1,000 would come back in the same 100 ms slot at 10 s: that is the
    // baseline of the ratios, not something measured here.
    // Each client holds its own 429: apiRetryDelay keeps the moment it chose on the error object.
    const delays = Array.from({ length: 1000 }, () =>
      apiRetryDelay(1, new ApiError({ kind: 'api', code: 429, status: 429, retryAfterMs: 10_000 })),
    );
    const slots = new Map<number, number>();
    for (const delay of delays)
      slots.set(Math.floor(delay / 100), (slots.get(Math.floor(delay / 100)) ?? 0) + 1);
    const peak = Math.max(...slots.values());
    const meanWait = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    const row = {
      release: 'apiRetryDelay(1, its own 429)',
      'peak per 100 ms': peak,
      'mean wait (s)': (meanWait / 1000).toFixed(2),
      'longest wait (s)': (Math.max(...delays) / 1000).toFixed(2),
      'peak / 1,000': (peak / 1000).toFixed(3),
      'mean wait / 10 s': (meanWait / 10_000).toFixed(3),
    };
    results.retryAfterJitter = row;
    table('1,000 clients, Retry-After: 10', [row]);
  });

  it('render cost of a 429 countdown', async () => {
    vi.useFakeTimers();
    renders.panel = 0;
    renders.countdown = 0;
    const commits: number[] = [];
    render(
      <ApiErrorsProvider i18n={createApiErrorsI18n('zh')} onRetry={() => {}}>
        <Profiler id="view" onRender={(_, __, ___, ____, startTime) => commits.push(startTime)}>
          <ApiErrorView error={errorForKey('429', { retryAfterMs: 10_000 })} />
        </Profiler>
      </ApiErrorsProvider>,
    );
    for (let elapsed = 0; elapsed < 10_000; elapsed += 100) await act(() => vi.advanceTimersByTimeAsync(100));
    vi.useRealTimers();
    // A count of 0 would mean the wrappers above no longer sit where the components are: a
    // figure printed without counting anything.
    if (!renders.panel || !renders.countdown)
      throw new Error('The render counters saw no ErrorPanel or RetryCountdown: fix the vi.mock paths');
    const row = {
      'commits in 10 s': commits.length,
      'commits per second': (commits.length / 10).toFixed(1),
      'ErrorPanel renders': renders.panel,
      'RetryCountdown renders': renders.countdown,
    };
    results.countdownRenderCost = row;
    table('429 countdown (10 s, fake timers)', [row]);
  });

  it('render cost of the page view and of the boundary fallback (jsdom)', () => {
    const i18n = createApiErrorsI18n('zh');
    const median = (ui: () => ReactElement) => {
      const times: number[] = [];
      for (let index = 0; index < 200; index += 1) {
        const started = performance.now();
        const { unmount } = render(ui());
        times.push(performance.now() - started);
        unmount();
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)] as number;
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const rows = [
      {
        view: 'ApiErrorView (page, 502)',
        'median mount (ms)': median(() => (
          <ApiErrorsProvider i18n={i18n}>
            <ApiErrorView error={errorForKey('502')} variant="page" />
          </ApiErrorsProvider>
        )).toFixed(2),
      },
      {
        view: 'ApiErrorBoundary fallback',
        'median mount (ms)': median(() => (
          <ApiErrorsProvider i18n={i18n}>
            <ApiErrorBoundary>
              <Thrower />
            </ApiErrorBoundary>
          </ApiErrorsProvider>
        )).toFixed(2),
      },
    ];
    spy.mockRestore();
    results.renderCost = rows;
    table('Render cost (200 mounts each, jsdom)', rows);
  });
});

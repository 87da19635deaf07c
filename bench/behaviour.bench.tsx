import { readFileSync, writeFileSync } from 'node:fs';
import { act, render } from '@testing-library/react';
import { Profiler, type ReactElement } from 'react';
import { afterAll, describe, it, vi } from 'vitest';
import { ApiError, apiRetryDelay } from '../src/core/index.js';
import { createApiErrorsI18n } from '../src/i18n/index.js';
import { ApiErrorBoundary, ApiErrorsProvider, ApiErrorView } from '../src/react/index.js';
import { errorForKey } from '../src/testing/index.js';
import { setupMockApi } from '../test/support/msw.js';
import { runStorm, type StormClient } from '../test/support/storm.js';

const server = setupMockApi();
const results: Record<string, unknown> = {};
const RESULTS = 'bench/results.json'; // npm run bench runs from the project root

const renders = vi.hoisted(() => ({ panel: 0 }));
vi.mock(import('../src/react/error-panel.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    ErrorPanel: (props) => {
      renders.panel += 1;
      return original.ErrorPanel(props);
    },
  };
});

function Thrower(): ReactElement {
  throw errorForKey('502');
}

function table(title: string, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0] ?? {});
  console.log(`\n${title}\n| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((column) => String(row[column])).join(' | ')} |`);
}

afterAll(() => {
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {}
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
});

describe('bench', () => {
  it('rate-limit storm: 20 queries, 5-token bucket refilled 5/s, virtual time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const rows = [];
    for (const client of [
      'ours',
      'ours with rateLimit 5/s',
      'React Query defaults',
      'ideal',
    ] as StormClient[]) {
      const { requests, tooMany, errors, seconds } = await runStorm(server, client);
      rows.push({
        client,
        requests,
        '429 answers': tooMany,
        'queries in error': errors,
        'all data at (s)': seconds.toFixed(2),
      });
    }
    vi.useRealTimers();
    results.rateLimitStorm = rows;
    table('Rate-limit storm (virtual time)', rows);
  });

  it('1,000 clients released by the same Retry-After: 10', () => {
    const error = new ApiError({ kind: 'api', code: 429, status: 429, retryAfterMs: 10_000 });
    const peak = (departures: number[]) => {
      const buckets = new Map<number, number>();
      for (const at of departures)
        buckets.set(Math.floor(at / 100), (buckets.get(Math.floor(at / 100)) ?? 0) + 1);
      return Math.max(...buckets.values());
    };
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const without = Array.from({ length: 1000 }, () => 10_000);
    const withJitter = Array.from({ length: 1000 }, () => apiRetryDelay(1, error));
    const rows = [
      {
        release: 'without jitter',
        'peak per 100 ms': peak(without),
        'mean wait (s)': (mean(without) / 1000).toFixed(2),
      },
      {
        release: 'apiRetryDelay (up to 20 %, at most 2 s)',
        'peak per 100 ms': peak(withJitter),
        'mean wait (s)': (mean(withJitter) / 1000).toFixed(2),
      },
    ];
    results.retryAfterJitter = {
      rows,
      peakRatio: peak(withJitter) / peak(without),
      meanWaitRatio: mean(withJitter) / mean(without),
    };
    table('1,000 clients, Retry-After: 10', rows);
    console.log(
      `peak ratio ${(peak(withJitter) / peak(without)).toFixed(3)}, mean wait ratio ${(mean(withJitter) / mean(without)).toFixed(3)}`,
    );
  });

  it('render cost of a 429 countdown', async () => {
    vi.useFakeTimers();
    renders.panel = 0;
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
    const row = {
      'commits in 10 s': commits.length,
      'commits per second': (commits.length / 10).toFixed(1),
      'ErrorPanel renders': renders.panel,
      're-rendered each second': 'RetryCountdown only',
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

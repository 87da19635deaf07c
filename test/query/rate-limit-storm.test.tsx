import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mswGateway } from '../../bench/msw-gateway.js';
import { runStorm, type StormClient } from '../../bench/storm.js';
import { createApiClient } from '../../src/client/index.js';
import { MAX_RATE_LIMIT_RETRIES } from '../../src/core/index.js';
import { ApiClientProvider, useFormTemplate } from '../../src/react/index.js';
import { counted, fail, setupMockApi } from '../support/msw.js';

const server = setupMockApi();

// Virtual time: the bucket, the gate, React Query's retries and the clock all run on fake timers,
// so the scenario is deterministic and the times below are exact, not measured on a busy machine.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

/** The storm of the bench (bench/storm.tsx), in virtual time, with what the gateway answered. */
async function storm(client: StormClient, options: { retryDelay?: number } = {}) {
  const gateway = mswGateway(server);
  const result = await runStorm(client, gateway, {
    step: () => vi.advanceTimersByTimeAsync(10),
    limitMs: 60_000,
    ...options,
  });
  return {
    ...result,
    tooManyAfterFirstBurst: gateway.statuses.slice(20).filter((status) => status === 429).length,
  };
}

describe('20 queries started together against a 5-token bucket refilled 5/s', () => {
  it('draw no 429 beyond the first burst with our policy and gate, and all have data in about 3.5 s', async () => {
    const result = await storm('ours (apiRetry + the gate)');
    expect(result).toMatchObject({ errors: 0, requests: 20 + result.tooMany });
    expect(result.tooMany).toBeLessThanOrEqual(15 + 2);
    expect(result.seconds).toBeLessThanOrEqual(3.6);
  });

  it('keep the pace also when the retries come back after the horizon has passed', async () => {
    const result = await storm('ours (apiRetry + the gate)', { retryDelay: 1500 });
    // In virtual time answers come back at once, so the pace is exact: not a single 429 more.
    expect(result).toMatchObject({ errors: 0, tooManyAfterFirstBurst: 0 });
  });

  it('with rateLimit: { requestsPerSecond: 5 } match the ideal client: 20 requests, no 429, 3 s', async () => {
    expect(await storm('ours with rateLimit 5/s')).toMatchObject({ requests: 20, tooMany: 0, errors: 0 });
    expect(await storm('ideal (5 a second)')).toMatchObject({
      requests: 20,
      tooMany: 0,
      errors: 0,
      seconds: expect.closeTo(3, 1),
    });
  });

  it('draw 30 × 429 and take 7 s with React Query’s defaults (the comparison)', async () => {
    expect(await storm('React Query defaults')).toMatchObject({ requests: 50, tooMany: 30, errors: 0 });
  });
});

function FailingTemplate({ outcome }: { outcome: { failed: boolean } }) {
  outcome.failed = useFormTemplate({ tpl_id: 1 }, { throwOnError: false }).isError;
  return null;
}

describe('a query answered 429 without Retry-After, every time', () => {
  it('backs off with jitter, a bounded number of times, and ends in error', async () => {
    const template = counted('forms/getTemplate', () =>
      fail(429, { code: 429, message: 'Too many requests' }),
    );
    server.use(template.handler);
    const outcome = { failed: false };
    const started = Date.now();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ApiClientProvider client={createApiClient()}>
          <FailingTemplate outcome={outcome} />
        </ApiClientProvider>
      </QueryClientProvider>,
    );
    while (!outcome.failed && Date.now() - started < 300_000)
      await act(() => vi.advanceTimersByTimeAsync(100));

    expect(outcome.failed).toBe(true);
    expect(template.arrivals).toHaveLength(1 + MAX_RATE_LIMIT_RETRIES);
    const gaps = template.arrivals.slice(1).map((at, index) => at - (template.arrivals[index] as number));
    // The gate's own back-off doubles per episode (0.5–1 s, 1–2 s, 2–4 s …): never a hammering retry.
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(500 * 2 ** index);
    });
  });
});

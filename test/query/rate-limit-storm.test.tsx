import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ApiClient,
  createApiClient,
  MAX_RATE_LIMIT_RETRIES,
  readApiResponse,
} from '../../src/core/index.js';
import { ApiClientProvider, useFormTemplate } from '../../src/react/index.js';
import { API, counted, fail, ok, setupMockApi } from '../support/msw.js';
import { tokenBucket } from '../support/test-server.js';

const server = setupMockApi();

// Virtual time: the bucket, the gate, React Query's retries and the clock all run on fake timers,
// so the scenario is deterministic and the times below are exact, not measured on a busy machine.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

/** The API gateway: a 5-token bucket refilled 5/s, 429 with Retry-After when it is empty. */
function rateLimitedTemplates() {
  const bucket = tokenBucket(5, 5);
  const answers: { at: number; status: number }[] = [];
  server.use(
    http.post(`${API}/forms/getTemplate`, async ({ request }) => {
      const { tpl_id } = (await request.json()) as { tpl_id: number };
      const taken = bucket.take();
      answers.push({ at: Date.now(), status: taken.ok ? 200 : 429 });
      if (taken.ok) return ok({ tpl_id });
      return fail(
        429,
        { code: 429, message: 'Too many requests' },
        { 'Retry-After': String(taken.retryAfterSeconds) },
      );
    }),
  );
  return answers;
}

const TPL_IDS = Array.from({ length: 20 }, (_, index) => index + 1);

function Ours({ tplId, retryDelay }: { tplId: number; retryDelay?: number }) {
  const { data } = useFormTemplate({ tpl_id: tplId }, retryDelay === undefined ? {} : { retryDelay });
  return data ? <p data-done /> : null;
}

// React Query's defaults: retry 3 times, 1 s, 2 s, 4 s apart; no Retry-After, no shared gate.
function Defaults({ tplId }: { tplId: number }) {
  const { data } = useQuery({
    queryKey: ['template', tplId],
    queryFn: ({ signal }) =>
      fetch(`${API}/forms/getTemplate`, {
        method: 'POST',
        body: JSON.stringify({ tpl_id: tplId }),
        signal,
      }).then((response) => readApiResponse(response)),
  });
  return data ? <p data-done /> : null;
}

async function runStorm(page: ReactNode, client?: ApiClient) {
  const started = Date.now();
  const { container } = render(
    <QueryClientProvider client={new QueryClient()}>
      {client ? <ApiClientProvider client={client}>{page}</ApiClientProvider> : page}
    </QueryClientProvider>,
  );
  while (container.querySelectorAll('[data-done]').length < TPL_IDS.length && Date.now() - started < 30_000) {
    await act(() => vi.advanceTimersByTimeAsync(10));
  }
  return { done: container.querySelectorAll('[data-done]').length, seconds: (Date.now() - started) / 1000 };
}

describe('20 queries started together against a 5-token bucket refilled 5/s', () => {
  it('draw no 429 beyond the first burst with our policy and gate, and all have data in about 3.5 s', async () => {
    const answers = rateLimitedTemplates();
    const { done, seconds } = await runStorm(
      TPL_IDS.map((id) => <Ours key={id} tplId={id} />),
      createApiClient(),
    );
    const tooMany = answers.filter(({ status }) => status === 429).length;
    console.info(`ours: ${answers.length} requests, ${tooMany} × 429, all data at ${seconds.toFixed(2)} s`);
    expect(done).toBe(20);
    expect(tooMany).toBeLessThanOrEqual(15 + 2);
    expect(answers).toHaveLength(20 + tooMany);
    expect(seconds).toBeLessThanOrEqual(3.6);
  });

  it('keep the pace also when the retries come back after the horizon has passed', async () => {
    const answers = rateLimitedTemplates();
    const { done } = await runStorm(
      TPL_IDS.map((id) => <Ours key={id} tplId={id} retryDelay={1500} />),
      createApiClient(),
    );
    expect(done).toBe(20);
    // In virtual time answers come back at once, so the pace is exact: not a single 429 more.
    expect(answers.slice(20).filter(({ status }) => status === 429)).toEqual([]);
  });

  it('draw 30 × 429 and take 7 s with React Query’s defaults (the comparison)', async () => {
    const answers = rateLimitedTemplates();
    const { done, seconds } = await runStorm(TPL_IDS.map((id) => <Defaults key={id} tplId={id} />));
    const tooMany = answers.filter(({ status }) => status === 429).length;
    console.info(
      `defaults: ${answers.length} requests, ${tooMany} × 429, all data at ${seconds.toFixed(2)} s`,
    );
    expect(done).toBe(20);
    expect(tooMany).toBe(30);
    expect(seconds).toBeGreaterThanOrEqual(7);
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

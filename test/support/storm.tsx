import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { http } from 'msw';
import type { SetupServer } from 'msw/node';
import { vi } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { readApiResponse } from '../../src/core/index.js';
import { ApiClientProvider, useFormTemplate } from '../../src/react/index.js';
import { API, fail, ok } from './msw.js';
import { tokenBucket } from './test-server.js';

/**
 * The rate-limit storm of issues #4 and #6: 20 queries mounted at once against an API gateway with
 * a 5-token bucket refilled 5/s (429 + Retry-After when empty). Runs in virtual time: call it with
 * fake timers for setTimeout, clearTimeout and Date.
 */
export type StormClient = 'ours' | 'ours with rateLimit 5/s' | 'React Query defaults' | 'ideal';

export interface StormResult {
  client: StormClient;
  requests: number;
  tooMany: number;
  errors: number;
  /** Virtual seconds until every query had data (or had failed). */
  seconds: number;
  /** Answers after the first burst of 20 that were 429. */
  tooManyAfterFirstBurst: number;
}

const QUERIES = 20;
const template = `${API}/forms/getTemplate`;
const plainFetch = (tplId: number, signal: AbortSignal) =>
  fetch(template, { method: 'POST', body: JSON.stringify({ tpl_id: tplId }), signal }).then((response) =>
    readApiResponse(response),
  );

function Ours({ tplId, retryDelay }: { tplId: number; retryDelay?: number }) {
  const { data, isError } = useFormTemplate(
    { tpl_id: tplId },
    retryDelay === undefined ? {} : { retryDelay },
  );
  return data ? <p data-done /> : isError ? <p data-failed /> : null;
}

// React Query's defaults: retry 3 times, 1 s, 2 s, 4 s apart; no Retry-After, no shared gate.
function Defaults({ tplId }: { tplId: number }) {
  const { data, isError } = useQuery({
    queryKey: ['t', tplId],
    queryFn: ({ signal }) => plainFetch(tplId, signal),
  });
  return data ? <p data-done /> : isError ? <p data-failed /> : null;
}

// The client that knows the budget: 5 requests a second, from the first, never one more.
function Ideal({ tplId }: { tplId: number }) {
  const { data, isError } = useQuery({
    queryKey: ['t', tplId],
    queryFn: async ({ signal }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor((tplId - 1) / 5) * 1000));
      return plainFetch(tplId, signal);
    },
  });
  return data ? <p data-done /> : isError ? <p data-failed /> : null;
}

export async function runStorm(
  server: SetupServer,
  client: StormClient,
  { retryDelay }: { retryDelay?: number } = {},
): Promise<StormResult> {
  const bucket = tokenBucket(5, 5);
  const statuses: number[] = [];
  server.use(
    http.post(template, async ({ request }) => {
      const { tpl_id } = (await request.json()) as { tpl_id: number };
      const taken = bucket.take();
      statuses.push(taken.ok ? 200 : 429);
      if (taken.ok) return ok({ tpl_id });
      return fail(
        429,
        { code: 429, message: 'Too many requests' },
        { 'Retry-After': String(taken.retryAfterSeconds) },
      );
    }),
  );
  const tplIds = Array.from({ length: QUERIES }, (_, index) => index + 1);
  const page = tplIds.map((tplId) => {
    if (client === 'React Query defaults') return <Defaults key={tplId} tplId={tplId} />;
    if (client === 'ideal') return <Ideal key={tplId} tplId={tplId} />;
    return <Ours key={tplId} tplId={tplId} retryDelay={retryDelay} />;
  });
  const apiClient = createApiClient(
    client === 'ours with rateLimit 5/s' ? { rateLimit: { requestsPerSecond: 5 } } : {},
  );
  const started = Date.now();
  const { container, unmount } = render(
    <QueryClientProvider client={new QueryClient()}>
      <ApiClientProvider client={apiClient}>{page}</ApiClientProvider>
    </QueryClientProvider>,
  );
  const settled = () => container.querySelectorAll('[data-done], [data-failed]').length;
  while (settled() < QUERIES && Date.now() - started < 60_000)
    await act(() => vi.advanceTimersByTimeAsync(10));
  const result: StormResult = {
    client,
    requests: statuses.length,
    tooMany: statuses.filter((status) => status === 429).length,
    errors: container.querySelectorAll('[data-failed]').length,
    seconds: (Date.now() - started) / 1000,
    tooManyAfterFirstBurst: statuses.slice(QUERIES).filter((status) => status === 429).length,
  };
  unmount();
  return result;
}

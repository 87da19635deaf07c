import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { createApiClient } from '../src/client/index.js';
import { apiRetry, apiRetryDelay, readApiResponse } from '../src/core/index.js';
import { ApiClientProvider, useFormTemplate } from '../src/react/index.js';

/**
 * The rate-limit storm of issues #4, #6 and #11: 20 queries mounted at once against an API
 * gateway with a 5-token bucket refilled 5/s (429 + Retry-After when empty). The gateway is
 * passed in (MSW in virtual time, or a real server on loopback), so the same clients run on both.
 */
export type StormClient =
  | 'ours (apiRetry + the gate)'
  | 'ours with rateLimit 5/s'
  | 'ours with rateLimit 4/s'
  | 'apiRetry, no gate'
  | 'React Query defaults'
  | 'ideal (5 a second)';

/** What the gateway saw and the page showed, counted in the run. */
export interface StormResult {
  requests: number;
  tooMany: number;
  served: number;
  errors: number;
  /** Seconds (virtual or wall clock, whichever `Date` is) until every query had data or failed. */
  seconds: number;
}

export interface StormGateway {
  /** Where the API is, e.g. `https://open.cli.im` (MSW) or `http://127.0.0.1:1234`. */
  baseUrl: string;
  /** The status of every answer the gateway gave, pushed as it decides. */
  statuses: number[];
}

export const QUERIES = 20;
const TPL_IDS = Array.from({ length: QUERIES }, (_, index) => index + 1);
export const TEMPLATE_PATH = '/api/v2/rpc/forms/getTemplate';

function plainFetch(baseUrl: string, tplId: number, signal: AbortSignal) {
  return fetch(`${baseUrl}${TEMPLATE_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tpl_id: tplId }),
    signal,
  }).then((response) => readApiResponse(response));
}

type QueryProps = { tplId: number; baseUrl: string; retryDelay?: number };
const shown = (data: unknown, isError: boolean) =>
  data ? <p data-done /> : isError ? <p data-failed /> : null;

function Ours({ tplId, retryDelay }: QueryProps) {
  const { data, isError } = useFormTemplate(
    { tpl_id: tplId },
    { throwOnError: false, ...(retryDelay === undefined ? {} : { retryDelay }) },
  );
  return shown(data, isError);
}

// Our retry policy, but each request is a plain fetch: nothing shared between the 20 queries.
function PolicyOnly({ tplId, baseUrl }: QueryProps) {
  const { data, isError } = useQuery({
    queryKey: ['t', tplId],
    queryFn: ({ signal }) => plainFetch(baseUrl, tplId, signal),
    retry: apiRetry,
    retryDelay: apiRetryDelay,
  });
  return shown(data, isError);
}

// React Query's defaults: retry 3 times, 1 s, 2 s, 4 s apart; no Retry-After, no shared gate.
function Defaults({ tplId, baseUrl }: QueryProps) {
  const { data, isError } = useQuery({
    queryKey: ['t', tplId],
    queryFn: ({ signal }) => plainFetch(baseUrl, tplId, signal),
  });
  return shown(data, isError);
}

// The client that knows the budget: 5 requests a second, from the first, never one more.
function Ideal({ tplId, baseUrl }: QueryProps) {
  const { data, isError } = useQuery({
    queryKey: ['t', tplId],
    queryFn: async ({ signal }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor((tplId - 1) / 5) * 1000));
      return plainFetch(baseUrl, tplId, signal);
    },
  });
  return shown(data, isError);
}

const COMPONENTS = {
  'ours (apiRetry + the gate)': Ours,
  'ours with rateLimit 5/s': Ours,
  'ours with rateLimit 4/s': Ours,
  'apiRetry, no gate': PolicyOnly,
  'React Query defaults': Defaults,
  'ideal (5 a second)': Ideal,
} satisfies Record<StormClient, (props: QueryProps) => unknown>;

const RATE_LIMITS: Partial<Record<StormClient, number>> = {
  'ours with rateLimit 5/s': 5,
  'ours with rateLimit 4/s': 4,
};

/**
 * Mounts the 20 queries and calls `step` (which lets 10 ms pass, virtual or real) until each has
 * data or has failed, or `limitMs` has passed. `retryDelay` replaces our clients' retry delay
 * (a fixed one, e.g. to bring the retries back after the horizon has passed).
 */
export async function runStorm(
  client: StormClient,
  gateway: StormGateway,
  { step, limitMs, retryDelay }: { step: () => Promise<unknown>; limitMs: number; retryDelay?: number },
): Promise<StormResult> {
  gateway.statuses.length = 0;
  const Query = COMPONENTS[client];
  const requestsPerSecond = RATE_LIMITS[client];
  const apiClient = createApiClient({
    baseUrl: gateway.baseUrl,
    ...(requestsPerSecond ? { rateLimit: { requestsPerSecond } } : {}),
  });
  const queryClient = new QueryClient();
  const started = Date.now();
  const { container, unmount } = render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={apiClient}>
        {TPL_IDS.map((tplId) => (
          <Query key={tplId} tplId={tplId} baseUrl={gateway.baseUrl} retryDelay={retryDelay} />
        ))}
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  const count = (selector: string) => container.querySelectorAll(selector).length;
  while (count('[data-done], [data-failed]') < QUERIES && Date.now() - started < limitMs) await act(step);
  const result: StormResult = {
    requests: gateway.statuses.length,
    tooMany: gateway.statuses.filter((status) => status === 429).length,
    served: count('[data-done]'),
    errors: count('[data-failed]'),
    seconds: (Date.now() - started) / 1000,
  };
  unmount();
  queryClient.clear();
  return result;
}

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { MAX_UNAVAILABLE_RETRIES } from '../../src/core/index.js';
import { ApiClientProvider, createApiQueryClient, useFormTemplate } from '../../src/react/index.js';
import { counted, fail, ok, setupMockApi } from '../support/msw.js';
import { advance, RETRY_WINDOW_MS, until, useVirtualTime } from './virtual-time.js';

const server = setupMockApi();

// Virtual time: every wait below is the one the policy chose, not one measured on a busy machine.
beforeEach(useVirtualTime);
afterEach(() => vi.useRealTimers());

function wrapper({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <ApiClientProvider client={createApiClient()}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

const badGateway = () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 });
const gapsOf = (arrivals: number[]) => arrivals.slice(1).map((at, index) => at - (arrivals[index] as number));

describe('query retries', () => {
  it('429 with Retry-After: 1, then 200: exactly 2 requests, the second no sooner than 1 s after the first', async () => {
    const template = counted('forms/getTemplate', (attempt) =>
      attempt === 1
        ? fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' })
        : ok({ v: 1 }),
    );
    server.use(template.handler);
    const { result } = renderHook(() => useFormTemplate({ tpl_id: 1 }), { wrapper });
    await until(() => result.current.isSuccess);
    expect(result.current.data).toEqual({ v: 1 });
    expect(template.arrivals).toHaveLength(2);
    expect((template.arrivals[1] as number) - (template.arrivals[0] as number)).toBeGreaterThanOrEqual(1000);
  });

  it('never retries 401, 403, 404, other 4xx or a business error_code', async () => {
    for (const [status, body] of [
      [401, { code: 401, message: 'API key invalid' }],
      [403, { code: 403, message: 'No write permission' }],
      [404, { code: 404, message: 'not found' }],
      [400, { code: 400, error_code: 100304, message: 'Form not found' }],
      [418, { code: 418 }],
    ] as const) {
      const template = counted('forms/getTemplate', () => fail(status, body));
      server.use(template.handler);
      const { result, unmount } = renderHook(
        () => useFormTemplate({ tpl_id: status }, { throwOnError: false }),
        { wrapper },
      );
      await until(() => result.current.isError);
      await advance(RETRY_WINDOW_MS);
      expect(template.arrivals, `status ${status}`).toHaveLength(1);
      unmount();
    }
  });

  it.each([0.5, 0.25])(
    'retries a 502 3 times, each after a random share (here %d) of its back-off, from 1 s, then fails',
    async (random) => {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const template = counted('forms/getTemplate', badGateway);
      server.use(template.handler);
      const { result } = renderHook(() => useFormTemplate({ tpl_id: 1 }, { throwOnError: false }), {
        wrapper,
      });
      await until(() => result.current.isError);
      expect(result.current.error).toMatchObject({ kind: 'http', status: 502 });
      expect(template.arrivals).toHaveLength(1 + MAX_UNAVAILABLE_RETRIES);
      // Full jitter: the wait is Math.random() × the back-off (1 s, 2 s, 4 s), exactly, in virtual time.
      expect(gapsOf(template.arrivals)).toEqual([1000, 2000, 4000].map((backoff) => random * backoff));
    },
  );
});

describe('a host’s own useQuery through createApiQueryClient()', () => {
  function hostQuery(path: string) {
    const client = createApiClient();
    const queryClient = createApiQueryClient();
    return renderHook(
      () =>
        useQuery({
          queryKey: [path],
          queryFn: () => client.getTemplate({ tpl_id: 1 }),
          throwOnError: false,
        }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        ),
      },
    );
  }

  it('retries a read after a 502 with our back-off, and never a 404', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const unavailable = counted('forms/getTemplate', badGateway);
    server.use(unavailable.handler);
    const first = hostQuery('502');
    await until(() => first.result.current.isError);
    expect(unavailable.arrivals).toHaveLength(1 + MAX_UNAVAILABLE_RETRIES);
    // React Query's own default would wait 1 s, 2 s, 4 s: these are ours.
    expect(gapsOf(unavailable.arrivals)[0]).toBeLessThan(600);

    const missing = counted('forms/getTemplate', () => fail(404, { code: 404, message: 'not found' }));
    server.use(missing.handler);
    const second = hostQuery('404');
    await until(() => second.result.current.isError);
    await advance(RETRY_WINDOW_MS);
    expect(missing.arrivals).toHaveLength(1);
  });
});

import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AddRecordRequest, createApiClient } from '../../src/client/index.js';
import {
  ApiClientProvider,
  createApiQueryClient,
  useAddRecord,
  useVerifyCertificate,
} from '../../src/react/index.js';
import { counted, fail, ok, setupMockApi } from '../support/msw.js';
import { advance, RETRY_WINDOW_MS, until, useVirtualTime } from './virtual-time.js';

const server = setupMockApi();
const RECORD: AddRecordRequest = {
  code_id: 1,
  tpl_id: 2,
  fields: [{ field_id: 71234567890101, field_type: 'name', field_value: '张三' }],
};

// Virtual time: the client's timeout, React Query's retries and MSW's delays run on fake timers, so
// "exactly once" is checked after the whole retry window, not after a short sleep.
beforeEach(useVirtualTime);
afterEach(() => vi.useRealTimers());

function wrapperWith(queryClient: QueryClient, timeoutMs?: number) {
  const client = createApiClient({ timeoutMs });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

const badGateway = () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 });

describe('useAddRecord', () => {
  it.each([
    ['a 502', badGateway, 'http'],
    ['a network failure', () => HttpResponse.error(), 'network'],
    [
      'a timeout',
      async () => {
        await delay('infinite');
        return ok(null);
      },
      'timeout',
    ],
  ])(
    'answered %s: exactly 1 request in the whole retry window, and the error is shown',
    async (_, answer, kind) => {
      const add = counted('record/addRecord', answer);
      server.use(add.handler);
      const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith(new QueryClient(), 200) });
      act(() => result.current.mutate(RECORD));
      await until(() => result.current.isError);
      expect(result.current.error).toMatchObject({ kind });
      await advance(RETRY_WINDOW_MS);
      expect(add.arrivals).toHaveLength(1);
    },
  );

  it('answered 429 with Retry-After: retried after the wait, stored once', async () => {
    const stored: unknown[] = [];
    const add = counted('record/addRecord', (attempt, body) => {
      if (attempt === 1)
        return fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' });
      stored.push(body);
      return ok({ record_id: 99 });
    });
    server.use(add.handler);
    const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith(new QueryClient()) });
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isSuccess);
    expect(result.current.data).toEqual({ record_id: 99 });
    expect(add.arrivals).toHaveLength(2);
    expect((add.arrivals[1] as number) - (add.arrivals[0] as number)).toBeGreaterThanOrEqual(1000);
    await advance(RETRY_WINDOW_MS);
    expect(stored).toEqual([RECORD]);
  });

  it('sends a double submit of the same payload once', async () => {
    const add = counted('record/addRecord', async () => {
      await delay(50);
      return ok({ record_id: 1 });
    });
    server.use(add.handler);
    const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith(new QueryClient()) });
    act(() => {
      result.current.mutate(RECORD);
      result.current.mutate({ ...RECORD });
    });
    await until(() => result.current.isSuccess);
    expect(add.arrivals).toHaveLength(1);

    act(() => result.current.mutate({ ...RECORD, code_id: 3 }));
    await until(() => add.arrivals.length === 2);
  });

  it('never throws to a boundary and is not retried after a 100329', async () => {
    const verify = counted('certificate/verify', () =>
      fail(400, {
        code: 400,
        error_code: 100329,
        message: 'Identity information required before verification',
      }),
    );
    server.use(verify.handler);
    const { result } = renderHook(() => useVerifyCertificate(), { wrapper: wrapperWith(new QueryClient()) });
    act(() => result.current.mutate({ certificate_code: 'C1', action_type: 'set_next_certificate_status' }));
    await until(() => result.current.isError);
    expect(result.current.error).toMatchObject({ errorCode: 100329 });
    await advance(RETRY_WINDOW_MS);
    expect(verify.arrivals).toHaveLength(1);
  });
});

describe('a host’s own useMutation through createApiQueryClient()', () => {
  function hostMutation() {
    const client = createApiClient();
    const queryClient = createApiQueryClient();
    return renderHook(
      () => useMutation({ mutationFn: (record: AddRecordRequest) => client.addRecord(record) }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        ),
      },
    );
  }

  it('sends a write that met a 502 exactly once: it may have been stored', async () => {
    const add = counted('record/addRecord', badGateway);
    server.use(add.handler);
    const { result } = hostMutation();
    act(() => result.current.mutate(RECORD));
    await advance(RETRY_WINDOW_MS);
    expect(add.arrivals).toHaveLength(1);
    expect(result.current.error).toMatchObject({ kind: 'http', status: 502 });
  });

  it('sends a write that met a 429 again after the wait: the server stored nothing', async () => {
    const add = counted('record/addRecord', (attempt) =>
      attempt === 1
        ? fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' })
        : ok({ record_id: 7 }),
    );
    server.use(add.handler);
    const { result } = hostMutation();
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isSuccess);
    expect(add.arrivals).toHaveLength(2);
  });
});

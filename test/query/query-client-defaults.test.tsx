import { QueryClient, type QueryClientConfig, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AddRecordRequest, createApiClient } from '../../src/client/index.js';
import { apiRetry, apiWriteRetry, MAX_UNAVAILABLE_RETRIES } from '../../src/core/index.js';
import {
  ApiClientProvider,
  apiMutations,
  apiQueryKeys,
  createApiQueryClient,
  useAddRecord,
  useFormTemplate,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers } from '../../src/testing/index.js';

const simulator = createSimulator();
const server = setupServer(...createSimulatorHandlers({ simulator }));
const requests: string[] = [];
server.events.on('request:start', ({ request }) => {
  requests.push(new URL(request.url).pathname.replace('/api/v2/rpc/', ''));
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// Virtual time, so "never retried" is checked a minute later, far past every retry delay.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  vi.useRealTimers();
  simulator.clearFaults();
  requests.length = 0;
});
const aMinuteLater = () => act(() => vi.advanceTimersByTimeAsync(60_000));

const RECORD: AddRecordRequest = {
  code_id: 8001,
  tpl_id: 7001,
  fields: [
    { field_id: 71234567890101, field_type: 'name', field_value: '张三' },
    { field_id: 71234567890102, field_type: 'tel', field_value: '13800138000' },
  ],
};

function wrapperFor(queryClient: QueryClient) {
  const api = createApiClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

async function templateRequestsAfter502(queryClient: QueryClient): Promise<number> {
  simulator.inject({ endpoint: 'getTemplate', status: 502, html: true, times: Number.POSITIVE_INFINITY });
  const { result } = renderHook(() => useFormTemplate({ tpl_id: 7001 }, { throwOnError: false }), {
    wrapper: wrapperFor(queryClient),
  });
  await aMinuteLater();
  expect(result.current.error).toMatchObject({ kind: 'http', code: 502 });
  return requests.filter((path) => path === 'forms/getTemplate').length;
}

async function addRecordRequests(queryClient: QueryClient, fault: 'a 502' | 'a 429'): Promise<number> {
  simulator.inject(
    fault === 'a 502'
      ? { endpoint: 'addRecord', status: 502, html: true }
      : { endpoint: 'addRecord', code: 429, retryAfter: '1' },
  );
  const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperFor(queryClient) });
  act(() => result.current.mutate(RECORD));
  await aMinuteLater();
  return requests.filter((path) => path === 'record/addRecord').length;
}

const client = (defaultOptions: QueryClientConfig['defaultOptions']) => new QueryClient({ defaultOptions });

describe('read hooks under the host’s QueryClient defaults', () => {
  it('a host with queries.retry: 0: a 502 is not retried', async () => {
    expect(await templateRequestsAfter502(client({ queries: { retry: 0 } }))).toBe(1);
  });

  it('a host with retry: 1 for our keys (setQueryDefaults): one retry', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryDefaults(apiQueryKeys.all, { retry: 1 });
    expect(await templateRequestsAfter502(queryClient)).toBe(2);
  });

  it('a host with none: retried per apiRetry', async () => {
    expect(await templateRequestsAfter502(new QueryClient())).toBe(1 + MAX_UNAVAILABLE_RETRIES);
  });

  it('a host with throwOnError: false: a page error stays on the query instead of going to a boundary', async () => {
    simulator.inject({ endpoint: 'getTemplate', code: 404, message: 'not found' });
    const { result } = renderHook(() => useFormTemplate({ tpl_id: 7001 }), {
      wrapper: wrapperFor(client({ queries: { throwOnError: false } })),
    });
    await aMinuteLater();
    expect(result.current.error).toMatchObject({ code: 404 });
  });
});

describe('write hooks under the host’s QueryClient defaults', () => {
  it('a host with mutations.retry: 3: a write is still not resent after a 502 (it may have been stored)', async () => {
    expect(await addRecordRequests(client({ mutations: { retry: 3 } }), 'a 502')).toBe(1);
  });

  it('a host with mutations.retry: 0: not even a 429 is retried', async () => {
    expect(await addRecordRequests(client({ mutations: { retry: 0 } }), 'a 429')).toBe(1);
  });

  it('a host with none: a 429 is retried after its Retry-After, and the record stored once', async () => {
    expect(await addRecordRequests(new QueryClient(), 'a 429')).toBe(2);
    expect(simulator.state.records).toHaveLength(1);
  });

  it('apiMutations carry the mutation key the host can set defaults for', async () => {
    const queryClient = new QueryClient();
    queryClient.setMutationDefaults(apiMutations.addRecord(createApiClient()).mutationKey, { retry: 0 });
    expect(await addRecordRequests(queryClient, 'a 429')).toBe(1);
  });
});

describe('createApiQueryClient', () => {
  it('merges the host’s defaultOptions over ours, option by option', () => {
    const queryClient = createApiQueryClient({
      defaultOptions: { queries: { staleTime: 5000, retry: undefined }, mutations: { gcTime: 0 } },
    });
    expect(queryClient.getDefaultOptions()).toMatchObject({
      queries: { staleTime: 5000, retry: apiRetry },
      mutations: { gcTime: 0, retry: apiWriteRetry },
    });
  });

  it('a host’s queries.retry: 0 holds for our read hooks', async () => {
    const queryClient = createApiQueryClient({ defaultOptions: { queries: { retry: 0 } } });
    expect(await templateRequestsAfter502(queryClient)).toBe(1);
  });

  it('with the host’s other options only: reads retried per apiRetry, its own useMutation not resent after a 502', async () => {
    const queryClient = createApiQueryClient({ defaultOptions: { queries: { staleTime: 1000 } } });
    expect(await templateRequestsAfter502(queryClient)).toBe(1 + MAX_UNAVAILABLE_RETRIES);

    requests.length = 0;
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    const api = createApiClient();
    const { result } = renderHook(
      () => useMutation({ mutationFn: (record: AddRecordRequest) => api.addRecord(record) }),
      {
        wrapper: wrapperFor(queryClient),
      },
    );
    act(() => result.current.mutate(RECORD));
    await aMinuteLater();
    expect(result.current.isError).toBe(true);
    expect(requests.filter((path) => path === 'record/addRecord')).toHaveLength(1);
  });
});

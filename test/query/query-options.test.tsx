import { QueryClient, QueryClientProvider, useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { type ReactNode, Suspense } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AddRecordRequest, createApiClient } from '../../src/client/index.js';
import {
  ApiClientProvider,
  apiMutations,
  apiQueries,
  apiQueryKeys,
  useFormList,
  useFormTemplate,
  useRecordPages,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers } from '../../src/testing/index.js';

const simulator = createSimulator();
const server = setupServer(...createSimulatorHandlers({ simulator }));
const requests: string[] = [];
server.events.on('request:start', ({ request }) => {
  requests.push(new URL(request.url).pathname);
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  requests.length = 0;
});
afterAll(() => server.close());

const api = createApiClient();
// Prefetched data is only served without a refetch when it is fresh: the host sets a staleTime.
const hostClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });

function wrapperFor(queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

// Long enough for a refetch on mount to reach the in-process MSW server and be counted.
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)));

function FormName() {
  const { data } = useSuspenseQuery(apiQueries.template(api, { tpl_id: 7001 }));
  return <h1>{data.data.form.name}</h1>;
}

describe('apiQueries', () => {
  it('prefetchQuery fills the cache the hook reads: one request in all', async () => {
    const queryClient = hostClient();
    await queryClient.prefetchQuery(apiQueries.template(api, { tpl_id: 7001 }));
    expect(requests).toEqual(['/api/v2/rpc/forms/getTemplate']);

    const { result } = renderHook(() => useFormTemplate({ tpl_id: 7001 }), {
      wrapper: wrapperFor(queryClient),
    });
    expect(result.current.data?.data.form.name).toBe('活动报名表');
    expect(result.current.isFetching).toBe(false);
    await settle();
    expect(requests).toHaveLength(1);
  });

  it('ensureQueryData fills the cache the hook reads, and returns the data', async () => {
    const queryClient = hostClient();
    const data = await queryClient.ensureQueryData(apiQueries.formList(api, { page: 1 }));
    const { result } = renderHook(() => useFormList({ page: 1 }), { wrapper: wrapperFor(queryClient) });
    expect(result.current.data).toBe(data);
    await settle();
    expect(requests).toEqual(['/api/v2/rpc/record/getFormList']);
  });

  it('prefetchInfiniteQuery fills the cache useRecordPages reads', async () => {
    const queryClient = hostClient();
    await queryClient.prefetchInfiniteQuery(apiQueries.recordPages(api, { page_size: 10 }));
    const { result } = renderHook(() => useRecordPages({ page_size: 10 }), {
      wrapper: wrapperFor(queryClient),
    });
    expect(result.current.data?.pages).toHaveLength(1);
    await settle();
    expect(requests).toEqual(['/api/v2/rpc/record/getRecords']);
  });

  it('useSuspenseQuery renders with a factory', async () => {
    render(
      <Suspense fallback={<p>loading</p>}>
        <FormName />
      </Suspense>,
      { wrapper: wrapperFor(new QueryClient()) },
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '活动报名表' })).toBeInTheDocument();
  });

  it('are keyed by apiQueryKeys, under which the hooks store their data', async () => {
    expect(apiQueries.formList(api, { page: 2 }).queryKey).toEqual(apiQueryKeys.formList({ page: 2 }));
    expect(apiQueries.template(api, { tpl_id: 1 }).queryKey).toEqual(apiQueryKeys.template({ tpl_id: 1 }));
    expect(apiQueries.record(api, { record_id: 3 }).queryKey).toEqual(apiQueryKeys.record({ record_id: 3 }));
    expect(apiQueries.recordPages(api, { page_size: 5 }).queryKey).toEqual(
      apiQueryKeys.recordPages({ page_size: 5 }),
    );
    expect(apiQueries.qrcodeContent(api, { qrcode: 'q1' }).queryKey).toEqual(
      apiQueryKeys.qrcodeContent({ qrcode: 'q1' }),
    );
    expect(apiQueries.qrcodeOperations(api, { qrcode: 'q1' }).queryKey).toEqual(
      apiQueryKeys.qrcodeOperations({ qrcode: 'q1' }),
    );

    const queryClient = hostClient();
    renderHook(() => useFormTemplate({ tpl_id: 7001 }), { wrapper: wrapperFor(queryClient) });
    await settle();
    expect(queryClient.getQueryData(apiQueryKeys.template({ tpl_id: 7001 }))).toMatchObject({
      data: { form: { name: '活动报名表' } },
    });
  });
});

describe('apiMutations', () => {
  const record: AddRecordRequest = {
    code_id: 8001,
    tpl_id: 7001,
    fields: [
      { field_id: 71234567890101, field_type: 'name', field_value: '李四' },
      { field_id: 71234567890102, field_type: 'tel', field_value: '13900139000' },
    ],
  };

  it('useMutation(apiMutations.addRecord(api)): a double submit sends once, a 502 is never resent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { result } = renderHook(() => useMutation(apiMutations.addRecord(api)), {
        wrapper: wrapperFor(new QueryClient()),
      });
      act(() => {
        result.current.mutate(record);
        result.current.mutate({ ...record });
      });
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(result.current.data).toMatchObject({ record_id: expect.anything() });
      expect(requests).toEqual(['/api/v2/rpc/record/addRecord']);

      simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
      act(() => result.current.mutate(record));
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(result.current.error).toMatchObject({ kind: 'http', code: 502 });
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

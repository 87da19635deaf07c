import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createApiErrorsI18n, en } from '../../src/i18n/index.js';
import {
  ApiClientProvider,
  ApiErrorBoundary,
  ApiErrorsProvider,
  createApiQueryClient,
  useFormList,
  useFormTemplate,
  useRecordPages,
} from '../../src/react/index.js';
import { counted, fail, ok, setupMockApi } from '../support/msw.js';

const server = setupMockApi();

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs errors its boundaries catch
});

function providers(queryClient: QueryClient) {
  const client = createApiClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <ApiErrorsProvider i18n={createApiErrorsI18n('en')}>{children}</ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
}

function FormTitle({ tplId }: { tplId: number }) {
  const { data, error } = useFormTemplate({ tpl_id: tplId });
  if (error) return <p>inline: {error.errorCode}</p>;
  return <p>{data ? String((data as { name?: string }).name) : 'loading'}</p>;
}

describe('which errors reach the boundary', () => {
  it('a page-scope error of a query goes to the boundary; its retry refetches exactly once', async () => {
    const template = counted('forms/getTemplate', (attempt) =>
      attempt === 1
        ? fail(400, { code: 400, error_code: 100300, message: 'System error' })
        : ok({ name: '报名表' }),
    );
    server.use(template.handler);
    const Wrapper = providers(new QueryClient());
    render(
      <Wrapper>
        <ApiErrorBoundary>
          <FormTitle tplId={1} />
        </ApiErrorBoundary>
      </Wrapper>,
    );
    expect(await screen.findByRole('heading', { name: en.errors[100300].title })).toBeInTheDocument();
    expect(template.arrivals).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: en.actions.retry }));

    expect(await screen.findByText('报名表')).toBeInTheDocument();
    expect(template.arrivals).toHaveLength(2);
  });

  it('an inline error stays on the query, where it happened', async () => {
    server.use(
      counted('forms/getTemplate', () => fail(400, { code: 400, error_code: 100305, message: 'x' })).handler,
    );
    const Wrapper = providers(new QueryClient());
    render(
      <Wrapper>
        <ApiErrorBoundary>
          <FormTitle tplId={2} />
        </ApiErrorBoundary>
      </Wrapper>,
    );
    expect(await screen.findByText('inline: 100305')).toBeInTheDocument();
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('lets a hook decide otherwise with throwOnError', async () => {
    server.use(counted('forms/getTemplate', () => fail(404, { code: 404, message: 'not found' })).handler);
    const { result } = renderHook(() => useFormTemplate({ tpl_id: 3 }, { throwOnError: false }), {
      wrapper: providers(new QueryClient()),
    });
    await waitFor(() => expect(result.current.error).toMatchObject({ code: 404 }));
  });
});

function FiveLists() {
  const options = { throwOnError: false };
  const lists = [
    useFormList({ page: 1 }, options),
    useFormList({ page: 2 }, options),
    useFormList({ page: 3 }, options),
    useFormList({ page: 4 }, options),
    useFormList({ page: 5 }, options),
  ];
  return <p>{lists.filter((list) => list.isError).length} failed</p>;
}

describe('createApiQueryClient', () => {
  it('calls onUnauthorized once when 5 queries fail with 401 together, and onError once per query', async () => {
    server.use(
      counted('record/getFormList', () => fail(401, { code: 401, message: 'API key invalid' })).handler,
    );
    const onUnauthorized = vi.fn();
    const onError = vi.fn();
    const Wrapper = providers(createApiQueryClient({ onUnauthorized, onError }));
    render(
      <Wrapper>
        <FiveLists />
      </Wrapper>,
    );
    expect(await screen.findByText('5 failed')).toBeInTheDocument();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toMatchObject({ code: 401 });
    expect(onError).toHaveBeenCalledTimes(5);
  });
});

describe('useRecordPages', () => {
  it('pages through records with page_token', async () => {
    const records = counted('record/getRecords', (attempt, body) => {
      const { page_token } = body as { page_token?: string };
      if (attempt === 1) expect(page_token).toBeUndefined();
      return page_token === 'p2'
        ? ok({ list: [{ record_id: 3 }] })
        : ok({ list: [{ record_id: 1 }, { record_id: 2 }], page_token: 'p2' });
    });
    server.use(records.handler);
    const { result } = renderHook(() => useRecordPages({ page_size: 2 }), {
      wrapper: providers(new QueryClient()),
    });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(result.current.data?.pages.flatMap((page) => page.list.map((record) => record.record_id))).toEqual(
      [1, 2, 3],
    );
    expect(result.current.hasNextPage).toBe(false);
    expect(records.arrivals).toHaveLength(2);
  });
});

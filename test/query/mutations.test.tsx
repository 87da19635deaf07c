import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { type AddRecordRequest, createApiClient } from '../../src/client/index.js';
import { ApiClientProvider, useAddRecord, useVerifyCertificate } from '../../src/react/index.js';
import { counted, fail, ok, setupMockApi } from '../support/msw.js';

const server = setupMockApi();
const RECORD: AddRecordRequest = {
  code_id: 1,
  tpl_id: 2,
  fields: [{ field_id: 71234567890101, field_type: 'name', field_value: '张三' }],
};

function wrapperWith(timeoutMs?: number) {
  const client = createApiClient({ timeoutMs });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={new QueryClient()}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

describe('useAddRecord', () => {
  it.each([
    ['a 502', () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 }), 'http'],
    ['a network failure', () => HttpResponse.error(), 'network'],
    [
      'a timeout',
      async () => {
        await delay('infinite');
        return ok(null);
      },
      'timeout',
    ],
  ])('answered %s: exactly 1 request, and the error is shown', async (_, answer, kind) => {
    const add = counted('record/addRecord', answer);
    server.use(add.handler);
    const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith(200) });
    act(() => result.current.mutate(RECORD));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(add.arrivals).toHaveLength(1);
  });

  it('answered 429 with Retry-After: retried after the wait, stored once', async () => {
    const stored: unknown[] = [];
    const add = counted('record/addRecord', (attempt, body) => {
      if (attempt === 1)
        return fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' });
      stored.push(body);
      return ok({ record_id: 99 });
    });
    server.use(add.handler);
    const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith() });
    act(() => result.current.mutate(RECORD));
    await waitFor(() => expect(result.current.data).toEqual({ record_id: 99 }), { timeout: 4000 });
    expect(add.arrivals).toHaveLength(2);
    expect((add.arrivals[1] as number) - (add.arrivals[0] as number)).toBeGreaterThanOrEqual(1000);
    expect(stored).toEqual([RECORD]);
  });

  it('sends a double submit of the same payload once', async () => {
    const add = counted('record/addRecord', async () => {
      await delay(50);
      return ok({ record_id: 1 });
    });
    server.use(add.handler);
    const { result } = renderHook(() => useAddRecord(), { wrapper: wrapperWith() });
    act(() => {
      result.current.mutate(RECORD);
      result.current.mutate({ ...RECORD });
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(add.arrivals).toHaveLength(1);

    act(() => result.current.mutate({ ...RECORD, code_id: 3 }));
    await waitFor(() => expect(add.arrivals).toHaveLength(2));
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
    const { result } = renderHook(() => useVerifyCertificate(), { wrapper: wrapperWith() });
    act(() => result.current.mutate({ certificate_code: 'C1', action_type: 'set_next_certificate_status' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ errorCode: 100329 });
    expect(verify.arrivals).toHaveLength(1);
  });
});

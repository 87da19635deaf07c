import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { ApiClientProvider, useFormTemplate } from '../../src/react/index.js';
import { counted, fail, ok, setupMockApi } from '../support/msw.js';

const server = setupMockApi();

function wrapper({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <ApiClientProvider client={createApiClient()}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

describe('query retries', () => {
  it('429 with Retry-After: 1, then 200: exactly 2 requests, the second no sooner than 1 s after the first', async () => {
    const template = counted('forms/getTemplate', (attempt) =>
      attempt === 1
        ? fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' })
        : ok({ v: 1 }),
    );
    server.use(template.handler);
    const { result } = renderHook(() => useFormTemplate({ tpl_id: 1 }), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ v: 1 }), { timeout: 4000 });
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
        {
          wrapper,
        },
      );
      await waitFor(() => expect(result.current.isError).toBe(true));
      expect(template.arrivals, `status ${status}`).toHaveLength(1);
      unmount();
    }
  });

  it('retries a 502 with jittered back-off, a bounded number of times', async () => {
    const template = counted(
      'forms/getTemplate',
      () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 }),
    );
    server.use(template.handler);
    const { result } = renderHook(
      () => useFormTemplate({ tpl_id: 1 }, { throwOnError: false, retryDelay: 1 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(template.arrivals).toHaveLength(4); // 1 + MAX_UNAVAILABLE_RETRIES
    expect(result.current.error).toMatchObject({ kind: 'http', code: 502 });
  });
});

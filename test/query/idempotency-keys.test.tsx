import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AddRecordRequest, type ApiClient, createApiClient } from '../../src/client/index.js';
import {
  ApiClientProvider,
  idempotencyKeyFor,
  rememberIdempotencyKey,
  useAddRecord,
  useVerifyCertificate,
} from '../../src/react/index.js';
import { API, fail, ok, setupMockApi } from '../support/msw.js';
import { advance, RETRY_WINDOW_MS, until, useVirtualTime } from './virtual-time.js';

const server = setupMockApi();
const RECORD: AddRecordRequest = {
  code_id: 1,
  tpl_id: 2,
  fields: [{ field_id: 71234567890101, field_type: 'name', field_value: '张三' }],
};
const CHANGED: AddRecordRequest = {
  ...RECORD,
  fields: [{ field_id: 71234567890101, field_type: 'name', field_value: '李四' }],
};

beforeEach(useVirtualTime);
afterEach(() => vi.useRealTimers());

/** Answers each request in turn with `answers` (the last one repeats), recording its key. */
function recorder(path: string, ...answers: (() => Response | Promise<Response>)[]) {
  const keys: (string | null)[] = [];
  const handler = http.post(`${API}/${path}`, ({ request }) => {
    keys.push(request.headers.get('Idempotency-Key'));
    const answer = answers[Math.min(keys.length, answers.length) - 1];
    return answer ? answer() : HttpResponse.error();
  });
  return { keys, handler };
}

function setup(client: ApiClient = createApiClient({ idempotencyKeys: true })) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={new QueryClient()}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useAddRecord(), { wrapper });
  return { client, result };
}

const tooMany = () => fail(429, { code: 429, message: 'Too many requests' }, { 'Retry-After': '1' });
const badGateway = () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 });
const required = () =>
  fail(400, { code: 400, error_code: 100308, message: 'Required field is empty', message_detail: 'field' });
const inFlight = () =>
  fail(409, { code: 409, message: 'Conflict', message_detail: 'idempotency key in flight' });
const stored = () => ok({ record_id: 9 });

describe('one key per submission (useAddRecord)', () => {
  it('sends the same key on a 429 retry, drops it after success, and the next submission gets a new one', async () => {
    const add = recorder('record/addRecord', tooMany, tooMany, stored);
    server.use(add.handler);
    const { client, result } = setup();
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isSuccess);
    expect(add.keys).toHaveLength(3);
    expect(add.keys[0]).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(new Set(add.keys)).toEqual(new Set([add.keys[0]]));
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBeUndefined();

    act(() => result.current.mutate(RECORD));
    await until(() => add.keys.length === 4);
    expect(add.keys[3]).not.toBe(add.keys[0]);
  });

  it('sends the same key when the person resends after a 502, a new one for changed values', async () => {
    const add = recorder('record/addRecord', badGateway, badGateway, stored);
    server.use(add.handler);
    const { client, result } = setup();
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isError);
    const first = add.keys[0];
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBe(first?.slice(1, -1));

    act(() => result.current.mutate({ ...RECORD }));
    await until(() => add.keys.length === 2 && result.current.isError);
    expect(add.keys[1]).toBe(first);

    act(() => result.current.mutate(CHANGED));
    await until(() => result.current.isSuccess);
    expect(add.keys).toHaveLength(3);
    expect(add.keys[2]).not.toBe(first);
    // The first submission's outcome is still unknown: its key stays for a resend.
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBe(first?.slice(1, -1));
    expect(idempotencyKeyFor(client, 'addRecord', CHANGED)).toBeUndefined();
  });

  it('sends one request with one key for a double tap', async () => {
    const add = recorder('record/addRecord', async () => {
      await delay(50);
      return stored();
    });
    server.use(add.handler);
    const { result } = setup();
    act(() => {
      result.current.mutate(RECORD);
      result.current.mutate({ ...RECORD });
    });
    await until(() => result.current.isSuccess);
    await advance(RETRY_WINDOW_MS);
    expect(add.keys).toHaveLength(1);
  });

  it('drops the key after a refusal that stored nothing, keeps it after a 409 (still in flight)', async () => {
    const add = recorder('record/addRecord', required, required, inFlight, stored);
    server.use(add.handler);
    const { client, result } = setup();
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isError);
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBeUndefined();
    act(() => result.current.mutate(RECORD));
    await until(() => add.keys.length === 2 && result.current.isError);
    expect(add.keys[1]).not.toBe(add.keys[0]);

    act(() => result.current.mutate(RECORD));
    await until(() => add.keys.length === 3 && result.current.isError);
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBe(add.keys[2]?.slice(1, -1));
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isSuccess);
    expect(add.keys[3]).toBe(add.keys[2]);
  });

  it('sends a seeded key (a resumed draft) and refuses a key that cannot be sent', async () => {
    const add = recorder('record/addRecord', stored);
    server.use(add.handler);
    const { client, result } = setup();
    rememberIdempotencyKey(client, 'addRecord', RECORD, 'draft-key-1-of-order-1234');
    expect(idempotencyKeyFor(client, 'addRecord', { ...RECORD })).toBe('draft-key-1-of-order-1234');
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isSuccess);
    expect(add.keys).toEqual(['"draft-key-1-of-order-1234"']);
    expect(() => rememberIdempotencyKey(client, 'addRecord', RECORD, 'a "b"')).toThrow(TypeError);
  });

  it('sends no key and keeps none when the client does not send keys', async () => {
    const add = recorder('record/addRecord', badGateway);
    server.use(add.handler);
    const { client, result } = setup(createApiClient());
    act(() => result.current.mutate(RECORD));
    await until(() => result.current.isError);
    expect(add.keys).toEqual([null]);
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBeUndefined();
  });
});

describe('one key per submission (useVerifyCertificate)', () => {
  it('sends the same key on a retry after a timeout', async () => {
    const verify = recorder(
      'certificate/verify',
      async () => {
        await delay('infinite');
        return stored();
      },
      stored,
    );
    server.use(verify.handler);
    const client = createApiClient({ idempotencyKeys: true, timeoutMs: 200 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>
        <ApiClientProvider client={client}>{children}</ApiClientProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useVerifyCertificate(), { wrapper });
    const request = { certificate_code: 'C1', action_type: 'set_next_certificate_status' } as const;
    act(() => result.current.mutate(request));
    await until(() => result.current.isError);
    expect(result.current.error).toMatchObject({ kind: 'timeout' });
    // Not called safe to resend (a verification cannot be looked up), but a resend keeps its key.
    expect(result.current.error?.idempotencyKey).toBeUndefined();
    act(() => result.current.mutate(request));
    await until(() => result.current.isSuccess);
    expect(verify.keys).toHaveLength(2);
    expect(verify.keys[1]).toBe(verify.keys[0]);
  });
});

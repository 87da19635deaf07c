import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AddRecordRequest,
  type ApiClient,
  createApiClient,
  type TemplateResult,
} from '../../src/client/index.js';
import { DRAFT_MAX_AGE_MS } from '../../src/react/drafts/submission-draft.js';
import {
  ApiClientProvider,
  idempotencyKeyFor,
  type SubmissionDraftOptions,
  useAddRecord,
  useSubmissionDraft,
} from '../../src/react/index.js';
import { API, ok, setupMockApi } from '../support/msw.js';

const server = setupMockApi();
const NAME = 'caoliao-api-errors:draft:record-2-1';
const RECORD: AddRecordRequest = {
  code_id: 1,
  tpl_id: 2,
  fields: [
    { field_id: 101, field_type: 'name', field_value: '张三' },
    { field_id: 102, field_type: 'number', field_value: { value: 30.6 } },
  ],
};

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

function wrapperFor(client: ApiClient) {
  const queryClient = new QueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

/** A page with a draft-keeping form, as the hook's example wires it. */
function renderPage(client: ApiClient, options: Partial<SubmissionDraftOptions> = {}) {
  return renderHook(
    () => {
      const saved = useSubmissionDraft({ id: 'record-2-1', ...options });
      const submit = useAddRecord({
        onMutate: (request) => void saved.save(request),
        onSuccess: saved.clear,
      });
      return { saved, submit };
    },
    { wrapper: wrapperFor(client) },
  );
}

const renderDraft = (options: Partial<SubmissionDraftOptions> = {}, client = createApiClient()) =>
  renderHook(() => useSubmissionDraft({ id: 'record-2-1', ...options }), { wrapper: wrapperFor(client) });

describe('useSubmissionDraft', () => {
  it('survives a reload: the same values resent with the same key, cleared on success', async () => {
    const keys: (string | null)[] = [];
    let stored = 0;
    server.use(
      http.post(`${API}/record/addRecord`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        stored += 1;
        return keys.length === 1
          ? new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 })
          : ok({ record_id: 9 });
      }),
    );
    const before = renderPage(createApiClient({ idempotencyKeys: true }));
    act(() => before.result.current.submit.mutate(RECORD));
    await waitFor(() => expect(before.result.current.submit.isError).toBe(true));
    before.unmount();

    // A reload: a new client with an empty key registry; only the storage remembers.
    const client = createApiClient({ idempotencyKeys: true });
    const after = renderPage(client);
    await waitFor(() => expect(after.result.current.saved.draft).toBeDefined());
    const { draft } = after.result.current.saved;
    expect(draft).toMatchObject({ request: RECORD, complete: true, idempotencyKey: keys[0]?.slice(1, -1) });
    expect(draft?.savedAt).toBeGreaterThan(Date.now() - 10_000);

    let request: AddRecordRequest | undefined;
    act(() => {
      request = after.result.current.saved.resume();
    });
    expect(after.result.current.saved.draft).toBeUndefined();
    expect(idempotencyKeyFor(client, 'addRecord', RECORD)).toBe(draft?.idempotencyKey);
    act(() => after.result.current.submit.mutate(request as AddRecordRequest));
    await waitFor(() => expect(after.result.current.submit.isSuccess).toBe(true));

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(stored).toBe(2);
    expect(sessionStorage.getItem(NAME)).toBeNull();
  });

  it('keeps the draft in localStorage when asked, and a draft without a key when the client sends none', async () => {
    const { result } = renderDraft({ storage: 'local' });
    expect(result.current.save(RECORD)).toBe(true);
    expect(sessionStorage.getItem(NAME)).toBeNull();
    expect(JSON.parse(localStorage.getItem(NAME) ?? '{}')).toMatchObject({ request: RECORD, complete: true });
    expect(JSON.parse(localStorage.getItem(NAME) ?? '{}')).not.toHaveProperty('idempotencyKey');
  });

  describe('never keeps', () => {
    const SECRET = 'secret-value-that-must-not-be-stored';
    const withFields = (...extra: AddRecordRequest['fields']): AddRecordRequest => ({
      ...RECORD,
      fields: [...RECORD.fields, ...extra],
    });
    const template = {
      data: { groups: [{ fields: [{ field_id: 201, settings: { is_masked: 1 } }] }] },
    } as unknown as TemplateResult;

    it.each([
      ['a file', withFields({ field_id: 301, field_type: 'file', field_value: SECRET }), {}],
      ['an image', withFields({ field_id: 302, field_type: 'image', field_value: [SECRET] }), {}],
      ['a video', withFields({ field_id: 303, field_type: 'video', field_value: SECRET }), {}],
      ['an audio', withFields({ field_id: 304, field_type: 'audio', field_value: SECRET }), {}],
      ['a signature', withFields({ field_id: 305, field_type: 'signature', field_value: SECRET }), {}],
      [
        'a masked field',
        withFields({ field_id: 201, field_type: 'identity', field_value: SECRET }),
        { template },
      ],
      [
        'a field marked sensitive by id',
        withFields({ field_id: 401, field_type: 'tel', field_value: SECRET }),
        { sensitive: [401] },
      ],
      [
        'a field marked sensitive by a test',
        withFields({ field_id: 402, field_type: 'identity', field_value: SECRET }),
        { sensitive: (field: { field_type: string }) => field.field_type === 'identity' },
      ],
    ])('%s: it is left out, and the draft is incomplete and without a key', (_, request, options) => {
      const client = createApiClient({ idempotencyKeys: true });
      const { result } = renderDraft(options, client);
      expect(result.current.save(request)).toBe(true);
      const text = sessionStorage.getItem(NAME) ?? '';
      expect(text).not.toContain(SECRET);
      expect(JSON.parse(text)).toMatchObject({ request: RECORD, complete: false });
      expect(JSON.parse(text)).not.toHaveProperty('idempotencyKey');
      expect(idempotencyKeyFor(client, 'addRecord', request)).toBeUndefined();
    });
  });

  it('keeps nothing over maxBytes, not a cut draft, and removes the older draft', () => {
    const { result } = renderDraft({ maxBytes: 400 });
    expect(result.current.save(RECORD)).toBe(true);
    const big = {
      ...RECORD,
      fields: [{ field_id: 101, field_type: 'textarea', field_value: '长'.repeat(200) }],
    };
    expect(result.current.save(big)).toBe(false);
    expect(sessionStorage.getItem(NAME)).toBeNull();
  });

  it('survives a full storage: save says no, the write is still sent', async () => {
    let sent = 0;
    server.use(
      http.post(`${API}/record/addRecord`, () => {
        sent += 1;
        return ok({ record_id: 1 });
      }),
    );
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { result } = renderPage(createApiClient({ idempotencyKeys: true }));
    expect(result.current.saved.save(RECORD)).toBe(false);
    act(() => result.current.submit.mutate(RECORD));
    await waitFor(() => expect(result.current.submit.isSuccess).toBe(true));
    expect(sent).toBe(1);
  });

  it.each([
    [
      'blocked (SecurityError on access)',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    ],
    ['missing', () => undefined],
  ])('survives a storage that is %s: no draft, nothing kept, nothing thrown', async (_, getter) => {
    sessionStorage.setItem(NAME, 'x');
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(getter as unknown as () => Storage);
    const { result } = renderDraft();
    await act(async () => {});
    expect(result.current.draft).toBeUndefined();
    expect(result.current.save(RECORD)).toBe(false);
    expect(() => result.current.clear()).not.toThrow();
  });

  it.each([
    ['corrupt JSON', '{"format":'],
    ['another library’s value', JSON.stringify({ hello: 'world' })],
    [
      'another version',
      JSON.stringify({
        format: 'caoliao-api-errors/submission-draft',
        version: 2,
        request: RECORD,
        savedAt: Date.now(),
        complete: true,
      }),
    ],
    [
      'a bad key',
      JSON.stringify({
        format: 'caoliao-api-errors/submission-draft',
        version: 1,
        request: RECORD,
        savedAt: Date.now(),
        complete: true,
        idempotencyKey: 'a "quoted" key',
      }),
    ],
    [
      // Past the proxy's 24 h memory, its key would no longer keep the submission from a second record.
      'a draft older than 20 hours',
      JSON.stringify({
        format: 'caoliao-api-errors/submission-draft',
        version: 1,
        request: RECORD,
        savedAt: Date.now() - DRAFT_MAX_AGE_MS - 1000,
        complete: true,
        idempotencyKey: 'k-1-0123456789abcdef',
      }),
    ],
  ])('ignores and removes %s', async (_, text) => {
    sessionStorage.setItem(NAME, text);
    const { result } = renderDraft();
    await waitFor(() => expect(sessionStorage.getItem(NAME)).toBeNull());
    expect(result.current.draft).toBeUndefined();
  });

  it('offers a draft it kept, and clear() removes it', async () => {
    renderDraft().result.current.save(RECORD);
    const { result } = renderDraft();
    await waitFor(() => expect(result.current.draft?.request).toEqual(RECORD));
    act(() => result.current.clear());
    expect(result.current.draft).toBeUndefined();
    expect(sessionStorage.getItem(NAME)).toBeNull();
  });

  it('reads storage only after mount, so that the first render matches the server’s', async () => {
    renderDraft().result.current.save(RECORD);
    const seen: unknown[] = [];
    renderHook(
      () => {
        seen.push(useSubmissionDraft({ id: 'record-2-1' }).draft);
      },
      { wrapper: wrapperFor(createApiClient()) },
    );
    await waitFor(() => expect(seen.at(-1)).toBeDefined());
    expect(seen[0]).toBeUndefined();
  });

  it('refuses options that cannot work with a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderDraft({ id: '' })).toThrow(/useSubmissionDraft: id must be a non-empty string/);
    expect(() => renderDraft({ storage: 'cookie' as never })).toThrow(/storage must be 'session' or 'local'/);
  });
});

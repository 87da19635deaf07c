import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AddRecordRequest, type ApiClient, createApiClient } from '../../src/client/index.js';
import { zh } from '../../src/i18n/index.js';
import { withSendClaim } from '../../src/react/drafts/send-claim.js';
import {
  ApiClientProvider,
  ApiErrorsProvider,
  PendingSubmission,
  type SubmissionDraftOptions,
  useAddRecord,
  useSendWhenOnline,
  useSubmissionDraft,
} from '../../src/react/index.js';
import { API, fail, ok, setupMockApi } from '../support/msw.js';

const server = setupMockApi();
const NAME = 'caoliao-api-errors:draft:record-2-1';
const RECORD: AddRecordRequest = {
  code_id: 1,
  tpl_id: 2,
  fields: [{ field_id: 101, field_type: 'name', field_value: '张三' }],
};

/** The API behind a connection that fails `failures` times, then answers; every arrival's key. */
function api({
  failures = 0,
  answer = (): Response | Promise<Response> => ok({ record_id: 9 }) as Response,
} = {}) {
  const keys: (string | null)[] = [];
  let attempts = 0;
  server.use(
    http.post(`${API}/record/addRecord`, ({ request }) => {
      attempts += 1;
      if (attempts <= failures) return HttpResponse.error(); // no connection: fetch rejects
      keys.push(request.headers.get('Idempotency-Key')?.slice(1, -1) ?? null); // a quoted sf-string
      return answer();
    }),
  );
  return { keys, attempts: () => attempts };
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

/** One tab: its own QueryClient and ApiClient (a reload gets new ones), the page's hooks. */
function renderTab(
  options: Partial<SubmissionDraftOptions> = {},
  client: ApiClient = createApiClient({ idempotencyKeys: true }),
) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
  const tab = renderHook(
    () => {
      const saved = useSubmissionDraft({ id: 'record-2-1', ...options });
      const submit = useAddRecord({
        onMutate: (request) => void saved.save(request),
        onSuccess: saved.clear,
      });
      return { saved, submit, offline: useSendWhenOnline(saved, submit) };
    },
    { wrapper },
  );
  return { ...tab, attemptsStarted: () => queryClient.getMutationCache().getAll().length };
}

/** A tap on submit with no connection: the submission ends waiting, kept with its key. */
async function tapOffline(tab: ReturnType<typeof renderTab>) {
  setOnline(false);
  act(() => tab.result.current.submit.mutate(RECORD));
  await waitFor(() => expect(tab.result.current.offline.waiting).toBeDefined());
  setOnline(true);
}

const storedDraft = (storage: Storage = sessionStorage) => JSON.parse(storage.getItem(NAME) ?? 'null');

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe('useSendWhenOnline', () => {
  it('keeps a submission tapped with no connection: values, key, waiting', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    expect(tab.result.current.offline.waiting).toMatchObject({ request: RECORD, unanswered: true });
    expect(storedDraft()).toMatchObject({ request: RECORD, complete: true, unanswered: true });
    expect(storedDraft().idempotencyKey).toMatch(/^[\w-]{16,}$/);
    expect(upstream.keys).toEqual([]);
  });

  it('sends it once on `online`, with the key it was kept with, and forgets it', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    const key = storedDraft().idempotencyKey;
    act(() => void window.dispatchEvent(new Event('online')));
    // The success clears what waited in an effect of its own, a render later: on a busy machine the
    // first look can fall between the two.
    await waitFor(() => {
      expect(tab.result.current.submit.isSuccess).toBe(true);
      expect(tab.result.current.offline.waiting).toBeUndefined();
    });
    expect(upstream.keys).toEqual([key]);
    expect(sessionStorage.getItem(NAME)).toBeNull();
  });

  it('sends it once when the page becomes visible again, not while it is hidden', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    setVisibility('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    setVisibility('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(tab.result.current.submit.isSuccess).toBe(true));
    expect(upstream.keys).toHaveLength(1);
    expect(upstream.attempts()).toBe(2);
  });

  it('sends it on the next page load, with the same key (also one left on its way by a reload)', async () => {
    const upstream = api({ failures: 1 });
    const before = renderTab();
    await tapOffline(before);
    const key = storedDraft().idempotencyKey;
    before.unmount();
    const after = renderTab(); // a reload: new clients, an empty key registry
    await waitFor(() => expect(after.result.current.submit.isSuccess).toBe(true));
    expect(upstream.keys).toEqual([key]);
    expect(sessionStorage.getItem(NAME)).toBeNull();
  });

  it('waits for `online` on a page that loads offline', async () => {
    const upstream = api({ failures: 1 });
    const before = renderTab();
    await tapOffline(before);
    before.unmount();
    setOnline(false);
    const after = renderTab();
    await waitFor(() => expect(after.result.current.offline.waiting).toBeDefined());
    expect(upstream.attempts()).toBe(1);
    setOnline(true);
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(after.result.current.submit.isSuccess).toBe(true));
    expect(upstream.keys).toHaveLength(1);
  });

  it('sends it on "send now", even while the browser says it is offline', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    setOnline(false); // navigator.onLine can be wrong: the person's tap is tried
    await act(() => tab.result.current.offline.sendNow());
    expect(tab.result.current.submit.isSuccess).toBe(true);
    expect(upstream.keys).toHaveLength(1);
  });

  it('stays waiting, with the same key, when the connection fails again', async () => {
    const upstream = api({ failures: 2 });
    const tab = renderTab();
    await tapOffline(tab);
    const key = storedDraft().idempotencyKey;
    await act(() => tab.result.current.offline.sendNow());
    expect(tab.result.current.offline.waiting).toBeDefined();
    expect(storedDraft()).toMatchObject({ idempotencyKey: key, unanswered: true });
    await act(() => tab.result.current.offline.sendNow());
    expect(upstream.keys).toEqual([key]);
  });

  it('starts one send when `online` and `visibilitychange` fire together', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    setVisibility('visible');
    act(() => {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      void tab.result.current.offline.sendNow();
    });
    await waitFor(() => expect(tab.result.current.submit.isSuccess).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50)); // a second send would have started by now
    expect(tab.attemptsStarted()).toBe(2); // the tap, and one resend
    expect(upstream.keys).toHaveLength(1);
  });

  it('stays `sending` while the send that ran is on its way, whichever triggers were refused', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    api({ failures: 1, answer: () => answered.then(() => ok({ record_id: 9 }) as Response) });
    const tab = renderTab();
    await tapOffline(tab);
    setVisibility('visible');
    let tapped: Promise<void> | undefined;
    act(() => {
      window.dispatchEvent(new Event('online')); // this one runs
      document.dispatchEvent(new Event('visibilitychange')); // refused
      tapped = tab.result.current.offline.sendNow(); // refused
    });
    await act(() => tapped);
    expect(tab.result.current.offline.sending).toBe(true);
    answer();
    await waitFor(() => expect(tab.result.current.submit.isSuccess).toBe(true));
    expect(tab.result.current.offline.sending).toBe(false);
  });

  it('a tap on the form’s submit on a page loaded offline sends the key it was kept with, not a new one', async () => {
    const upstream = api({ failures: 2 });
    const before = renderTab();
    await tapOffline(before);
    const key = storedDraft().idempotencyKey;
    before.unmount();
    setOnline(false);
    const after = renderTab(); // a reload with no connection: new clients, nothing sent yet
    await waitFor(() => expect(after.result.current.offline.waiting).toBeDefined());
    act(() => after.result.current.submit.mutate(RECORD)); // the form's 提交, not "send now"
    await waitFor(() => expect(after.result.current.submit.isError).toBe(true));
    expect(storedDraft().idempotencyKey).toBe(key);
    setOnline(true);
    await act(() => after.result.current.offline.sendNow());
    expect(upstream.keys).toEqual([key]);
  });

  it('a timeout keeps it waiting, like no connection: whether it was stored is unknown', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${API}/record/addRecord`, async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) await delay(3000); // well past the client’s timeout
        return ok({ record_id: 9 });
      }),
    );
    const tab = renderTab({}, createApiClient({ idempotencyKeys: true, timeoutMs: 100 }));
    act(() => tab.result.current.submit.mutate(RECORD));
    await waitFor(() => expect(tab.result.current.submit.error?.kind).toBe('timeout'));
    expect(tab.result.current.offline.waiting).toBeDefined();
    expect(storedDraft()).toMatchObject({ unanswered: true });
    await act(() => tab.result.current.offline.sendNow());
    expect(tab.result.current.submit.isSuccess).toBe(true);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('a 409 "in flight" keeps it waiting and sends it again after its Retry-After', async () => {
    const inFlight = () =>
      fail(
        409,
        { code: 409, message: 'Conflict', message_detail: 'idempotency key in flight' },
        { 'Retry-After': '1' },
      );
    let answers = 0;
    const upstream = api({
      failures: 1,
      answer: () => (++answers === 1 ? inFlight() : ok({ record_id: 9 })),
    });
    const tab = renderTab();
    await tapOffline(tab);
    await act(() => tab.result.current.offline.sendNow());
    expect(tab.result.current.submit.error?.status).toBe(409);
    expect(tab.result.current.offline.waiting).toBeDefined();
    expect(storedDraft()).toMatchObject({ unanswered: true });
    await waitFor(() => expect(tab.result.current.submit.isSuccess).toBe(true), { timeout: 10_000 });
    expect(upstream.keys).toHaveLength(2);
    expect(upstream.keys[1]).toBe(upstream.keys[0]);
  });

  it('two tabs waiting on the same submission send it once (localStorage draft, a claim without Web Locks)', async () => {
    expect(navigator.locks).toBeUndefined(); // jsdom: the storage claim is what guards here
    const upstream = api({ failures: 1 });
    const first = renderTab({ storage: 'local' });
    await tapOffline(first);
    setOnline(false);
    const second = renderTab({ storage: 'local' }); // opened offline: the same kept submission waits
    await waitFor(() => expect(second.result.current.offline.waiting).toBeDefined());
    setOnline(true);
    act(() => void window.dispatchEvent(new Event('online'))); // both tabs hear it at once
    await waitFor(() => expect(localStorage.getItem(NAME)).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50)); // a second send would have arrived by now
    expect(upstream.keys).toHaveLength(1);
    expect(first.attemptsStarted() + second.attemptsStarted()).toBe(2); // the tap, and one resend
  });

  it('a claim held by another tab keeps this one from sending until it ends', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    await tapOffline(tab);
    const key = storedDraft().idempotencyKey;
    const claim = `caoliao-api-errors:send:${key}`;
    localStorage.setItem(claim, JSON.stringify({ sender: 'other-tab', until: Date.now() + 60_000 }));
    await act(() => tab.result.current.offline.sendNow());
    expect(upstream.attempts()).toBe(1);
    expect(tab.result.current.offline.waiting).toBeDefined();
    localStorage.setItem(claim, JSON.stringify({ sender: 'other-tab', until: Date.now() - 1 })); // it died
    await act(() => tab.result.current.offline.sendNow());
    expect(upstream.keys).toEqual([key]);
    expect(localStorage.getItem(claim)).toBeNull();
  });

  it('a refusal ends the wait: the draft stays to offer, and is not sent by itself on the next load', async () => {
    const upstream = api({ failures: 1, answer: () => fail(400, { code: 400, error_code: 100308 }) });
    const tab = renderTab();
    await tapOffline(tab);
    await act(() => tab.result.current.offline.sendNow());
    expect(tab.result.current.submit.error?.errorCode).toBe(100308);
    expect(tab.result.current.offline.waiting).toBeUndefined();
    expect(storedDraft()).toMatchObject({ request: RECORD, unanswered: false });
    tab.unmount();
    const after = renderTab();
    await waitFor(() => expect(after.result.current.saved.draft).toBeDefined());
    expect(after.result.current.offline.waiting).toBeUndefined();
    expect(upstream.attempts()).toBe(2);
  });

  it('sends nothing by itself without keys (a resend could store twice): the error shows', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab({}, createApiClient());
    setOnline(false);
    act(() => tab.result.current.submit.mutate(RECORD));
    await waitFor(() => expect(tab.result.current.submit.error?.kind).toBe('network'));
    setOnline(true);
    act(() => void window.dispatchEvent(new Event('online')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tab.result.current.offline.waiting).toBeUndefined();
    expect(upstream.attempts()).toBe(1);
  });

  it('a tap while React Query believes the browser offline is tried, not paused in memory', async () => {
    const upstream = api({ failures: 1 });
    const tab = renderTab();
    onlineManager.setOnline(false);
    try {
      act(() => tab.result.current.submit.mutate(RECORD));
      await waitFor(() => expect(tab.result.current.offline.waiting).toBeDefined());
      expect(tab.result.current.submit.isPaused).toBe(false);
      expect(upstream.attempts()).toBe(1);
    } finally {
      onlineManager.setOnline(true);
    }
  });
});

describe('withSendClaim without Web Locks (the localStorage claim)', () => {
  it('renews its claim while a long send runs (429 retries), so no other sender starts past 60 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      let finish!: () => void;
      const running = withSendClaim('k', () => new Promise<void>((resolve) => (finish = resolve)));
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(await withSendClaim('k', async () => undefined)).toBe(false);
      finish();
      expect(await running).toBe(true);
      expect(localStorage.getItem('caoliao-api-errors:send:k')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('PendingSubmission', () => {
  const pending = (sending: boolean) => (
    <ApiErrorsProvider languages={{ zh }}>
      <PendingSubmission savedAt={Date.now()} sending={sending} onSendNow={() => undefined} />
    </ApiErrorsProvider>
  );

  it('inserts its live region empty and fills it after mount, so that it is announced', async () => {
    // The first render is what is inserted: its status must not hold the text yet.
    expect(renderToStaticMarkup(pending(false))).toMatch(/<p [^>]*role="status"[^>]*><\/p>/);
    const { rerender } = render(pending(false));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(zh.ui.offlineWaiting));
    rerender(pending(true));
    expect(screen.getByRole('status')).toHaveTextContent(zh.ui.offlineSending);
  });
});

import type { WriteEndpoint } from '../../src/client/endpoints.js';
import { createIdempotency } from '../../src/server/idempotency.js';
import { type IdempotencyOptions, resolveIdempotency } from '../../src/server/idempotency-options.js';
import { createMemoryStore } from '../../src/server/index.js';
import type { Outcome } from '../../src/server/proxy-handler.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';
import type { ReadRecords } from '../../src/server/record-lookup.js';

export const KEY = '5f0c6f7e-8d0a-4c52-9d5e-1f0f3f6c2a11';
export const SUBMISSION = { tpl_id: 7001, code_id: 8001, fields: [{ field_id: 1, field_value: '张三' }] };
export const BODY = JSON.stringify(SUBMISSION);

/** A browser's write as the proxy hands it on (the body is passed apart). */
export const request = () =>
  new Request('http://proxy.test/caoliao/api/v2/rpc/record/addRecord', { method: 'POST' });

/** Upstream's answer as `io.write` gives it back: passed on. */
export function forwarded(status: number, body: unknown): Outcome {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { outcome: 'forwarded', response: new Response(text, { status }), upstreamStatus: status };
}

/** A record of `addRecord`'s success. */
export const stored = (recordId: number) =>
  forwarded(200, { code: 0, message: 'ok', data: { record_id: recordId } });

/** An answer that says nothing of what upstream did: a gateway's page. */
export const gatewayPage = () => forwarded(502, '<html>502 Bad Gateway</html>');

/**
 * One proxy instance's idempotency layer on `store` (instances sharing a store are a fleet), in
 * front of a fake upstream: `write` answers each write, `readRecords` each page of a look-up.
 */
export function instance({
  store = createMemoryStore(),
  options = {},
  write,
  readRecords = async () => undefined,
}: {
  store?: ProxyStore;
  options?: IdempotencyOptions;
  write: (endpoint: WriteEndpoint, body: string) => Promise<Outcome> | Outcome;
  readRecords?: ReadRecords;
}) {
  const settings = resolveIdempotency(options, { store, timeoutMs: 1_000, maxWaitMs: 0 });
  if (!settings) throw new Error('idempotency is off');
  return createIdempotency(settings, {
    write: async (_request, endpoint, body) => write(endpoint, body),
    readRecords: () => readRecords,
  });
}

/** A store that notes every key it is asked to write, with the value and the TTL. */
export function recordingStore(store: ProxyStore = createMemoryStore()) {
  const writes: { call: 'set' | 'setIfAbsent' | 'delete'; key: string; value?: string; ttlMs?: number }[] =
    [];
  const recording: ProxyStore = {
    ...store,
    setIfAbsent: (key, value, ttlMs) => {
      writes.push({ call: 'setIfAbsent', key, value, ttlMs });
      return store.setIfAbsent(key, value, ttlMs);
    },
    set: (key, value, ttlMs) => {
      writes.push({ call: 'set', key, value, ttlMs });
      return store.set(key, value, ttlMs);
    },
    delete: (key) => {
      writes.push({ call: 'delete', key });
      return store.delete(key);
    },
  };
  return { store: recording, writes };
}

/** A promise and the function that settles it, for a test to hold a call until it lets it go. */
export interface Gate<T> {
  opened: Promise<T>;
  open: (value: T) => void;
}

/** A new `Gate`. @example const landing = gate(); landing.open(); await landing.opened; */
export function gate<T = void>(): Gate<T> {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

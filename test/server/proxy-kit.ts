import { afterEach } from 'vitest';
import type { ApiProxyOptions, ProxyLogEntry, ProxyStore } from '../../src/server/index.js';
import { createApiProxy, createMemoryStore } from '../../src/server/index.js';
import { type Handler, startTestServer } from '../support/test-server.js';

export const API_KEY = 'sk_live_7f3a9c/DO_NOT_LEAK+proxy';
export const PROXY = 'http://proxy.test/caoliao';
export const TEMPLATE = `${PROXY}/api/v2/rpc/forms/getTemplate`;

let servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A loopback upstream and a proxy in front of it (no visitor limit unless given), with its log. */
export async function proxyTo(handler: Handler, options: Partial<ApiProxyOptions> = {}) {
  const upstream = await startTestServer(handler);
  servers.push(upstream);
  const logs: ProxyLogEntry[] = [];
  const proxy = createApiProxy({
    apiKey: API_KEY,
    allow: 'form',
    upstream: upstream.url,
    limits: { perVisitor: false },
    log: (entry) => logs.push(entry),
    ...options,
  });
  return { proxy, upstream, logs };
}

/** A browser's call: POST, a JSON body. */
export function post(url: string, body: unknown = { tpl_id: 1 }, extraHeaders: HeadersInit = {}) {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  for (const [name, value] of new Headers(extraHeaders)) headers.set(name, value);
  return new Request(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A memory store that notes each call of the idempotency layer's (get, set …) in `events`. */
export function recordingStore(events: string[]): ProxyStore {
  const store = createMemoryStore();
  const noted =
    <Args extends unknown[], Result>(name: string, call: (...args: Args) => Result) =>
    (...args: Args) => {
      events.push(`store ${name}`);
      return call(...args);
    };
  return {
    limiter: (options) => store.limiter(options),
    holdUntil: () => store.holdUntil(),
    hold: (until) => store.hold(until),
    get: noted('get', (key: string) => store.get(key)),
    set: noted('set', (key: string, value: string, ttlMs: number) => store.set(key, value, ttlMs)),
    setIfAbsent: noted('setIfAbsent', (key: string, value: string, ttlMs: number) =>
      store.setIfAbsent(key, value, ttlMs),
    ),
    delete: noted('delete', (key: string) => store.delete(key)),
  };
}

import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardStore } from '../../src/server/guarded-store.js';
import { createApiProxy, createMemoryStore } from '../../src/server/index.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';
import { StoreUnavailableError } from '../../src/server/store-unavailable.js';

afterEach(() => {
  vi.useRealTimers();
});

const OUTAGE = { timeoutMs: 300, retryAfterSeconds: 7 };
const never = () => new Promise<never>(() => {});

/** What a promise settled with, noted as soon as it settles. */
function settledOf<T>(promise: Promise<T>) {
  const seen: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(seen, { value, done: true }),
    (error: unknown) => Object.assign(seen, { error, done: true }),
  );
  return seen;
}

describe('the store behind its deadline', () => {
  it('rejects a call that passes its deadline with a StoreUnavailableError naming it, with the Retry-After', async () => {
    vi.useFakeTimers();
    const store = guardStore({ ...createMemoryStore(), get: never }, OUTAGE);
    const call = settledOf(store.get('key'));
    await vi.advanceTimersByTimeAsync(299);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(StoreUnavailableError);
    expect(call.error).toMatchObject({ operation: 'get', retryAfterSeconds: 7 });
  });

  it('bounds a limiter’s calls too, and passes its refusals on as answers', async () => {
    vi.useFakeTimers();
    const memory = createMemoryStore();
    const hanging: ProxyStore = {
      ...memory,
      limiter: (options) => Object.assign(memory.limiter(options), { consume: never }),
    };
    const call = settledOf(
      guardStore(hanging, OUTAGE).limiter({ keyPrefix: 'v', points: 1, duration: 60 }).consume('a'),
    );
    await vi.advanceTimersByTimeAsync(300);
    expect(call.error).toMatchObject({ name: 'StoreUnavailableError', operation: 'limiter.consume' });

    const limiter = guardStore(memory, OUTAGE).limiter({ keyPrefix: 'w', points: 1, duration: 60 });
    await limiter.consume('a');
    await expect(limiter.consume('a')).rejects.toBeInstanceOf(RateLimiterRes);
  });

  it('turns a failing call into a StoreUnavailableError that keeps its cause', async () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const store = guardStore({ ...createMemoryStore(), set: () => Promise.reject(cause) }, OUTAGE);
    await expect(store.set('key', 'value', 1_000)).rejects.toMatchObject({
      name: 'StoreUnavailableError',
      operation: 'set',
      cause,
    });
  });

  it('asks the store again at the next call after a missed deadline: one slow answer is no outage', async () => {
    vi.useFakeTimers();
    let hung = true;
    const memory = createMemoryStore();
    const store = guardStore({ ...memory, get: (key) => (hung ? never() : memory.get(key)) }, OUTAGE);
    const first = settledOf(store.get('key'));
    await vi.advanceTimersByTimeAsync(300);
    expect(first.error).toBeInstanceOf(StoreUnavailableError);
    hung = false;
    await expect(store.get('key')).resolves.toBeUndefined();
  });

  it('offers only the calls the store has: a store without key/value calls stays one', () => {
    const { limiter, holdUntil, hold } = createMemoryStore();
    const guarded = guardStore({ limiter, holdUntil, hold } as ProxyStore, OUTAGE);
    expect(Object.keys(guarded).sort()).toEqual(['hold', 'holdUntil', 'limiter']);
  });
});

describe('the proxy while its store does not answer', () => {
  const health = (proxy: (request: Request) => Promise<Response>, method = 'GET') =>
    proxy(new Request('http://proxy.test/caoliao/health', { method }));

  it('answers /health 503 naming the store, with Retry-After, within the deadline; 200 when it answers', async () => {
    let hung = true;
    const memory = createMemoryStore();
    const store = { ...memory, get: (key: string) => (hung ? never() : memory.get(key)) };
    const proxy = createApiProxy({
      apiKey: 'sk_test_health',
      allow: 'form',
      store,
      storeOutage: { timeoutMs: 100 },
    });
    const started = performance.now();
    const down = await health(proxy);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(down.status).toBe(503);
    expect(down.headers.get('Retry-After')).toBe('5');
    expect(await down.json()).toEqual({ ok: false, down: ['store'] });
    expect((await health(proxy, 'HEAD')).status).toBe(503);
    hung = false;
    const up = await health(proxy);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true });
  });

  it('probes a store with ping through ping', async () => {
    const ping = vi.fn(() => Promise.reject(new Error('Redis is not connected (reconnecting)')));
    const store = { ...createMemoryStore(), ping };
    const proxy = createApiProxy({ apiKey: 'sk_test_health', allow: 'form', store });
    expect((await health(proxy)).status).toBe(503);
    expect(ping).toHaveBeenCalledOnce();
  });
});

describe('the storeOutage option', () => {
  const KEY = 'sk_live_0123456789abcdef0123456789abcdef';
  it.each([
    ['timeoutMs', 0],
    ['timeoutMs', 2 ** 31],
    ['timeoutMs', KEY],
    ['retryAfterSeconds', 1.5],
    ['retryAfterSeconds', KEY],
    ['instances', 0],
    ['instances', KEY],
  ])('refuses %s: %j with a TypeError that names it and never quotes the value', (name, value) => {
    const create = () =>
      createApiProxy({ apiKey: 'sk_test_outage', allow: 'form', storeOutage: { [name]: value } });
    expect(create).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringContaining(`storeOutage.${name}`) }),
    );
    expect(create).not.toThrow(/0123456789|2147483648/);
  });
});

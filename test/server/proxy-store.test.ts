import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/server/memory-store.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';
import { createRedisStore } from '../../src/server/redis-store.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

let run = 0;
/** Two instances of one deployment: for Redis, two stores on two connections. */
const deployments: [string, () => [ProxyStore, ProxyStore]][] = [
  [
    'memory',
    () => {
      const store = createMemoryStore();
      return [store, store];
    },
  ],
  [
    'redis',
    () => {
      const keyPrefix = `test-${++run}`;
      return [
        createRedisStore(redis.connect(), { keyPrefix }),
        createRedisStore(redis.connect(), { keyPrefix }),
      ];
    },
  ],
];

describe.each(deployments)('%s store', (_name, deploy) => {
  it('counts a limiter’s points per key across instances and refuses with the time left', async () => {
    const [one, two] = deploy();
    const options = { keyPrefix: 'visitor', points: 2, duration: 60 };
    await one.limiter(options).consume('a');
    await two.limiter(options).consume('a');
    const refused = one.limiter(options).consume('a');
    await expect(refused).rejects.toBeInstanceOf(RateLimiterRes);
    const refusal: RateLimiterRes = await refused.catch((error) => error);
    expect(refusal.remainingPoints).toBe(0);
    expect(refusal.msBeforeNext).toBeGreaterThan(58_000);
    expect(refusal.msBeforeNext).toBeLessThanOrEqual(60_000);
    // Another key, and the same key under another prefix, are counted apart.
    await expect(two.limiter(options).consume('b')).resolves.toBeInstanceOf(RateLimiterRes);
    await expect(two.limiter({ ...options, keyPrefix: 'budget' }).consume('a')).resolves.toBeInstanceOf(
      RateLimiterRes,
    );
  });

  it('holds nothing at first, then shows one instance’s hold to the other', async () => {
    const [one, two] = deploy();
    expect(await two.holdUntil()).toBeLessThanOrEqual(Date.now());
    // Not whole seconds: Redis keeps whole seconds, which must not cut the hold short.
    const until = Date.now() + 2_500;
    await one.hold(until);
    const seen = await two.holdUntil();
    expect(seen).toBeGreaterThanOrEqual(until);
    expect(seen).toBeLessThanOrEqual(until + 1_000);
  });

  it('keeps the later of two holds, whichever is set last', async () => {
    const [one, two] = deploy();
    const later = Date.now() + 8_000;
    await one.hold(later);
    await two.hold(Date.now() + 2_000);
    expect(await one.holdUntil()).toBeGreaterThanOrEqual(later);
    const latest = Date.now() + 12_000;
    await two.hold(latest);
    expect(await one.holdUntil()).toBeGreaterThanOrEqual(latest);
  });

  it('lets a hold run out', async () => {
    const [one, two] = deploy();
    await one.hold(Date.now() + 1_000);
    expect(await two.holdUntil()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await two.holdUntil()).toBeLessThanOrEqual(Date.now());
  });

  it('sets a value only where none is, for every instance, until it expires', async () => {
    const [one, two] = deploy();
    // A TTL no busy machine outlasts between two calls, for what holds while the value lives.
    expect(await one.setIfAbsent('lock', 'a', 60_000)).toBe(true);
    expect(await two.setIfAbsent('lock', 'b', 60_000)).toBe(false);
    expect(await two.get('lock')).toBe('a');
    // A short one, watched until it expires: not before its TTL, and then free for every instance.
    const setAt = Date.now();
    expect(await one.setIfAbsent('short', 'a', 300)).toBe(true);
    while ((await two.get('short')) !== undefined) {
      expect(Date.now() - setAt).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - setAt).toBeGreaterThanOrEqual(299);
    expect(await two.setIfAbsent('short', 'b', 60_000)).toBe(true);
    expect(await one.get('short')).toBe('b');
  });

  it('replaces, reads and forgets values across instances, each under its own key', async () => {
    const [one, two] = deploy();
    expect(await two.get('record')).toBeUndefined();
    await one.set('record', '{"state":"unknown"}', 60_000);
    await one.set('record', '{"state":"done"}', 60_000);
    await one.set('other', 'x', 60_000);
    expect(await two.get('record')).toBe('{"state":"done"}');
    await two.delete('record');
    expect(await one.get('record')).toBeUndefined();
    expect(await one.get('other')).toBe('x');
    await expect(one.delete('never-set')).resolves.toBeUndefined();
  });
});

describe('memory store at its maximum', () => {
  it('keeps at most maxValues, forgetting the oldest written first', async () => {
    const store = createMemoryStore({ maxValues: 1_000 });
    for (let index = 0; index < 1_000; index++) await store.set(`key-${index}`, String(index), 60_000);
    expect(await store.get('key-0')).toBe('0');
    // Written again, key-0 is the newest: key-1 is now the oldest.
    await store.set('key-0', 'again', 60_000);
    for (let index = 1_000; index < 1_010; index++) await store.set(`key-${index}`, String(index), 60_000);
    const kept = [];
    for (let index = 0; index < 1_010; index++)
      if ((await store.get(`key-${index}`)) !== undefined) kept.push(index);
    expect(kept).toHaveLength(1_000);
    expect(kept.slice(0, 2)).toEqual([0, 11]);
    expect(kept.at(-1)).toBe(1_009);
    expect(await store.get('key-0')).toBe('again');
    // setIfAbsent writes too, and so evicts the oldest.
    expect(await store.setIfAbsent('lock', 'token', 60_000)).toBe(true);
    expect(await store.get('key-11')).toBeUndefined();
  });

  it('keeps 50 000 values by default', async () => {
    const store = createMemoryStore();
    for (let index = 0; index <= 50_000; index++) await store.set(`key-${index}`, '', 60_000);
    expect(await store.get('key-0')).toBeUndefined();
    expect(await store.get('key-1')).toBe('');
    expect(await store.get('key-50000')).toBe('');
  });

  it.each([0, 1.5, 'sk_live_0123456789abcdef'])('refuses maxValues: %j without quoting it', (maxValues) => {
    expect(() => createMemoryStore({ maxValues: maxValues as number })).toThrow(
      /maxValues must be a whole number/,
    );
    expect(() => createMemoryStore({ maxValues: maxValues as number })).not.toThrow(/0123456789/);
  });
});

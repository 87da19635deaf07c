import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ProxyStore } from './proxy-store.js';

/** How often, at most, expired values are swept out (besides when each is read). */
const SWEEP_EVERY_MS = 60_000;
/** The most values kept by default: about 40 MB of idempotency records (some 750 bytes each). */
const DEFAULT_MAX_VALUES = 50_000;

/**
 * The proxy's state in this process's memory: right for one instance, and the default. Several
 * instances serving one key each keep their own count, so together they can overspend the
 * organisation's budget, and each remembers only the idempotency keys it saw; give them
 * `createRedisStore(redis)` instead.
 *
 * @param options.maxValues - The most values (idempotency records and locks) kept at once
 *   (default 50 000): past it, the oldest written is forgotten first, expired or not.
 * @example
 * const proxy = createApiProxy({ apiKey, allow: 'form', store: createMemoryStore({ maxValues: 20_000 }) });
 */
export function createMemoryStore({
  maxValues = DEFAULT_MAX_VALUES,
}: {
  maxValues?: number;
} = {}): ProxyStore {
  if (!(Number.isSafeInteger(maxValues) && maxValues > 0)) {
    // Not quoted: a secret passed here by mistake stays out of logs.
    throw new TypeError('createMemoryStore: maxValues must be a whole number above 0');
  }
  let until = 0;
  // A RateLimiterMemory keeps its counts in itself: the same options must give the same limiter.
  const limiters = new Map<string, RateLimiterMemory>();
  const values = new Map<string, { value: string; expiresAt: number }>();
  let sweptAt = Date.now();

  // No timer: a library's interval would keep a host's process alive. Writes sweep now and then.
  const sweep = () => {
    const now = Date.now();
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    for (const [key, entry] of values) if (entry.expiresAt <= now) values.delete(key);
  };
  const live = (key: string) => {
    const entry = values.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      values.delete(key);
      return undefined;
    }
    return entry;
  };
  // A Map iterates in the order keys were set: written again, a key moves to the end.
  const put = (key: string, value: string, ttlMs: number) => {
    values.delete(key);
    sweep();
    for (const oldest of values.keys()) {
      if (values.size < maxValues) break;
      values.delete(oldest);
    }
    values.set(key, { value, expiresAt: Date.now() + ttlMs });
  };

  return {
    limiter: (options) => {
      const key = JSON.stringify([options.keyPrefix, options.points, options.duration]);
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = new RateLimiterMemory(options);
        limiters.set(key, limiter);
      }
      return limiter;
    },
    holdUntil: async () => until,
    hold: async (next) => {
      until = Math.max(until, next);
    },
    setIfAbsent: async (key, value, ttlMs) => {
      if (live(key)) return false;
      put(key, value, ttlMs);
      return true;
    },
    get: async (key) => live(key)?.value,
    set: async (key, value, ttlMs) => put(key, value, ttlMs),
    delete: async (key) => {
      values.delete(key);
    },
  };
}

import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ProxyStore } from './proxy-store.js';

/**
 * The proxy's state in this process's memory: right for one instance, and the default. Several
 * instances serving one key each keep their own count, so together they can overspend the
 * organisation's budget; give them `createRedisStore(redis)` instead.
 *
 * @example
 * const proxy = createApiProxy({ apiKey, allow: 'form', store: createMemoryStore() });
 */
export function createMemoryStore(): ProxyStore {
  let until = 0;
  // A RateLimiterMemory keeps its counts in itself: the same options must give the same limiter.
  const limiters = new Map<string, RateLimiterMemory>();
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
  };
}

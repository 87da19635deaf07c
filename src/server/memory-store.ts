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
  return {
    limiter: (options) => new RateLimiterMemory(options),
    holdUntil: async () => until,
    hold: async (next) => {
      until = Math.max(until, next);
    },
  };
}

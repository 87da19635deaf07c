import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Where a proxy keeps the state its instances share: in memory for one process
 * (`createMemoryStore()`, the default), in Redis for many (`createRedisStore(redis)`).
 */
export interface ProxyStore {
  /**
   * A rate-limiter-flexible limiter: at most `points` per `duration` seconds for each key, with
   * its keys under `keyPrefix`.
   */
  limiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract;
  /** Until when (Unix milliseconds) nothing may go upstream: an upstream 429's `Retry-After`. */
  holdUntil(): Promise<number>;
  /** Holds every instance back until `until` (a later hold wins over an earlier one). */
  hold(until: number): Promise<void>;
}

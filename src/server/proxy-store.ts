import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Where a proxy keeps the state its instances share: in memory for one process
 * (`createMemoryStore()`, the default), in Redis for many (`createRedisStore(redis)`).
 *
 * @example
 * const store: ProxyStore = createRedisStore(new Redis(process.env.REDIS_URL!));
 * await store.setIfAbsent('lock', 'token', 30_000); // true: this instance holds it
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
  /**
   * Keeps `value` under `key` for `ttlMs` milliseconds unless the key holds a value already:
   * `true` when this call set it. Atomic across every instance sharing the store.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** The value under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): Promise<string | undefined>;
  /** Keeps `value` under `key` for `ttlMs` milliseconds, replacing what was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Forgets `key` (nothing happens when it holds nothing). */
  delete(key: string): Promise<void>;
  /**
   * Resolves when the store answers: the health check's probe. Optional: without it the health
   * check reads one key.
   */
  ping?(): Promise<void>;
}

import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { ProxyStore } from './proxy-store.js';
import type { StoreOutageSettings } from './store-outage-options.js';
import { StoreUnavailableError } from './store-unavailable.js';

/** The store's own calls, each of which may reach Redis. */
const STORE_CALLS = ['holdUntil', 'hold', 'setIfAbsent', 'get', 'set', 'delete', 'ping'] as const;
/** The limiter calls that reach the store; a refusal (`RateLimiterRes`) is an answer, not a failure. */
const LIMITER_CALLS = new Set<PropertyKey>(['consume', 'get', 'set', 'block', 'delete', 'penalty', 'reward']);

/**
 * @internal The store as the proxy uses it: every call, the limiters' included, answers within
 * `timeoutMs` or rejects with a `StoreUnavailableError` (as does any failure of the store). A call
 * that passed its deadline is not cancelled: the store may still carry it out later.
 *
 * @example
 * const store = guardStore(createRedisStore(redis), resolveStoreOutage({ timeoutMs: 250 }));
 * await store.get('key'); // rejects with StoreUnavailableError within 250 ms when Redis is down
 */
export function guardStore(
  store: ProxyStore,
  { timeoutMs, retryAfterSeconds }: Pick<StoreOutageSettings, 'timeoutMs' | 'retryAfterSeconds'>,
): ProxyStore {
  const unavailable = (operation: string, cause: unknown) =>
    new StoreUnavailableError(operation, { retryAfterSeconds, cause });

  function guarded<T>(operation: string, call: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(unavailable(operation, new Error(`no answer within ${timeoutMs} ms`))),
        timeoutMs,
      );
    });
    const attempt = Promise.resolve()
      .then(call)
      .catch((cause: unknown) => {
        throw cause instanceof RateLimiterRes ? cause : unavailable(operation, cause);
      });
    return Promise.race([attempt, deadline]).finally(() => clearTimeout(timer));
  }

  // Only the calls the store has: whether it can keep idempotency records is checked on it as given.
  const guardedStore: Record<string, unknown> = {
    limiter: (options: Parameters<ProxyStore['limiter']>[0]) =>
      aroundLimiterCalls(store.limiter(options), (name, call) => guarded(`limiter.${name}`, call)),
  };
  for (const name of STORE_CALLS) {
    const call = store[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof call === 'function') {
      guardedStore[name] = (...args: unknown[]) => guarded(name, () => call.apply(store, args));
    }
  }
  return guardedStore as unknown as ProxyStore;
}

/**
 * @internal `limiter` with each of its calls that reach the store (`consume`, `get`, `set` …) made
 * through `around`, which is given the call's name and the call itself.
 * @example aroundLimiterCalls(limiter, (name, call) => { console.log(name); return call(); });
 */
export function aroundLimiterCalls(
  limiter: RateLimiterAbstract,
  around: (name: string, call: () => Promise<unknown>) => Promise<unknown>,
): RateLimiterAbstract {
  return new Proxy(limiter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !LIMITER_CALLS.has(property)) return value;
      return (...args: unknown[]) => around(String(property), () => value.apply(target, args));
    },
  });
}

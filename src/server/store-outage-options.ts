import { MAX_TIMER_MS } from '../core/max-timer.js';

/**
 * What the proxy does when its store (Redis) does not answer: `createApiProxy`'s `storeOutage`.
 * Every field is optional.
 *
 * @example
 * createApiProxy({ apiKey, allow: 'form', store, storeOutage: { timeoutMs: 250, instances: 3 } });
 */
export interface StoreOutageOptions {
  /** How long one store call may take before it counts as failed, in milliseconds (default 300). */
  timeoutMs?: number;
  /** The `Retry-After` of the 503 a call gets when it cannot go on without the store (default 5 s). */
  retryAfterSeconds?: number;
  /**
   * How many instances share the store (default 1). While it is down, each instance keeps its own
   * limits with its share of them: `requestsPerSecond / instances`, and a visitor's points divided
   * by `instances` (rounded up), so that the fleet together stays within the budget.
   */
  instances?: number;
}

/**
 * @internal The outage options checked and filled in.
 * @example const outage: StoreOutageSettings = { timeoutMs: 300, retryAfterSeconds: 5, instances: 1 };
 */
export type StoreOutageSettings = Required<StoreOutageOptions>;

/**
 * @internal Checks `storeOutage` once, at creation. Its messages never quote a value (it could be
 * a secret passed to the wrong setting).
 * @example const outage = resolveStoreOutage({ timeoutMs: 250 });
 */
export function resolveStoreOutage(options: StoreOutageOptions | undefined): StoreOutageSettings {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    fail('storeOutage must be an object');
  const { timeoutMs = 300, retryAfterSeconds = 5, instances = 1 } = options ?? {};
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS))
    fail('storeOutage.timeoutMs must be a number of milliseconds above 0');
  if (!(Number.isSafeInteger(retryAfterSeconds) && retryAfterSeconds > 0))
    fail('storeOutage.retryAfterSeconds must be a whole number of seconds above 0');
  if (!(Number.isSafeInteger(instances) && instances > 0))
    fail('storeOutage.instances must be a whole number above 0');
  return { timeoutMs, retryAfterSeconds, instances };
}

function fail(message: string): never {
  throw new TypeError(`createApiProxy: ${message}`);
}

/**
 * What the proxy does when its store (Redis) does not answer: `createApiProxy`'s `storeOutage`.
 * Every field is optional.
 *
 * @example
 * createApiProxy({ apiKey, allow: 'form', store, storeOutage: { timeoutMs: 250 } });
 */
export interface StoreOutageOptions {
  /** How long one store call may take before it counts as failed, in milliseconds (default 300). */
  timeoutMs?: number;
  /** The `Retry-After` of the 503 a call gets when it cannot go on without the store (default 5 s). */
  retryAfterSeconds?: number;
}

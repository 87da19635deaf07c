/**
 * Thrown by a store call that failed or passed its deadline (Redis down, a network partition):
 * the proxy answers it with a 503 envelope and `Retry-After`, never a bare 500, and its log entry
 * says the store is the cause.
 *
 * @example
 * try { await store.get(key); } catch (error) { if (error instanceof StoreUnavailableError) … }
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  /** What the store was asked to do (`get`, `setIfAbsent`, `limiter.consume` …), for the log. */
  readonly operation: string;
  /** The `Retry-After` (seconds) of the 503 that answers the call. */
  readonly retryAfterSeconds: number;

  constructor(
    operation: string,
    { retryAfterSeconds = 5, cause }: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(`the proxy's store did not answer ${operation} in time`, { cause });
    this.operation = operation;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// When each failed request will be sent again, by the object React Query hands to `retryDelay` and
// then shows as `failureReason`: the view counts down to the moment the retry really leaves,
// instead of keeping a second clock that drifts from the first.
const retryAt = new WeakMap<object, number>();

/** @internal Records that `error`'s request will be sent again in `delayMs`. */
export function scheduleRetry(error: unknown, delayMs: number): void {
  if (typeof error === 'object' && error !== null) retryAt.set(error, Date.now() + delayMs);
}

/**
 * When the request that failed with `error` will be sent again (Unix milliseconds): the moment the
 * client's rate-limit gate opens after a 429, or the one `apiRetryDelay` chose.
 * @example const at = getRetryAt(query.failureReason); // the moment React Query sends it again
 */
export function getRetryAt(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? retryAt.get(error) : undefined;
}

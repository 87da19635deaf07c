import { describeError } from './describe-error.js';
import { getRetryAt, scheduleRetry } from './retry-schedule.js';
import { toApiError } from './to-api-error.js';

/** How many times a read is retried after a 502, a network failure or a timeout. */
export const MAX_UNAVAILABLE_RETRIES = 3;
/** How many times any request is retried after a 429. */
export const MAX_RATE_LIMIT_RETRIES = 5;
/** Back-off without `Retry-After`: full jitter between 0 and 1 s × 2^n, at most 30 s. */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/**
 * A `Retry-After` wait is stretched by up to this share (at most 2 s), so that the clients the
 * server sent away together do not all come back in the same instant.
 */
const RETRY_AFTER_JITTER_RATIO = 0.2;
const RETRY_AFTER_JITTER_MAX_MS = 2000;

/**
 * Whether a failed read should be sent again — React Query's `retry`. A 429 is retried (after
 * `apiRetryDelay`'s wait); a 502, a network failure or a timeout up to
 * {@link MAX_UNAVAILABLE_RETRIES} times; 401, 403, 404, other 4xx and every business error_code
 * never: the same request would fail the same way.
 * @example useQuery({ queryKey, queryFn, retry: apiRetry, retryDelay: apiRetryDelay })
 */
export function apiRetry(failureCount: number, error: unknown): boolean {
  const { retry } = describeError(error);
  if (retry === 'after-delay') return failureCount < MAX_RATE_LIMIT_RETRIES;
  if (retry === 'auto-for-reads') return failureCount < MAX_UNAVAILABLE_RETRIES;
  return false;
}

/**
 * Whether a failed write should be sent again by itself: only after a 429, which the server
 * refused before storing anything. A 502, a network failure or a timeout may have been stored, so
 * the person decides; a 100329 is retried only after the identity action.
 * @example useMutation({ mutationFn, retry: apiWriteRetry, retryDelay: apiRetryDelay })
 */
export function apiWriteRetry(failureCount: number, error: unknown): boolean {
  return describeError(error).retry === 'after-delay' && failureCount < MAX_RATE_LIMIT_RETRIES;
}

function delayFor(failureCount: number, error: unknown): number {
  // The client's rate-limit gate has already chosen (and jittered) the moment it opens: aim for
  // that one, so that the retry, the gate and the countdown keep one clock.
  const decided = getRetryAt(error);
  if (decided !== undefined && decided > Date.now()) return decided - Date.now();
  const { retryAfterMs } = toApiError(error);
  if (describeError(error).retry === 'after-delay' && retryAfterMs !== undefined) {
    return (
      retryAfterMs +
      Math.random() * Math.min(retryAfterMs * RETRY_AFTER_JITTER_RATIO, RETRY_AFTER_JITTER_MAX_MS)
    );
  }
  return Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failureCount));
}

/**
 * How long to wait before a retry — React Query's `retryDelay`, which it calls with the number
 * of failures before this retry (0 for the first). When the client's rate-limit gate has said when
 * it opens again (`getRetryAt`): until then. Otherwise, after a 429 with `Retry-After`: that wait
 * plus up to 20 % (at most 2 s) of jitter; otherwise full jitter: a random wait between 0 and
 * 1 s × 2^failureCount, at most 30 s. The moment it chooses is kept for the error views
 * (`getRetryAt`), so they count down to the real retry.
 */
export function apiRetryDelay(failureCount: number, error: unknown): number {
  const delay = delayFor(failureCount, error);
  scheduleRetry(error, delay);
  return delay;
}

import type { ApiErrorKind } from './api-error.js';
import { toApiError } from './to-api-error.js';

const NO_ANSWER: readonly ApiErrorKind[] = ['network', 'timeout'];

/**
 * Whether a request got no answer at all — the connection failed, or no answer came in time — so
 * nothing refused it: the same request may be sent as it is once the connection is back (a write
 * with the same `Idempotency-Key`, since it may have been stored).
 * @example if (gotNoAnswer(error)) keepUntilOnline(submission);
 */
export function gotNoAnswer(error: unknown): boolean {
  return NO_ANSWER.includes(toApiError(error).kind);
}

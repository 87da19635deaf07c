import { ApiError, type ApiErrorKind, isApiError } from './api-error.js';

function kindOf(thrown: unknown): ApiErrorKind {
  const name =
    typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
  if (name === 'AbortError') return 'aborted';
  if (name === 'TimeoutError') return 'timeout';
  // fetch rejects with a TypeError for every transport failure (offline, DNS, refused, CORS).
  if (thrown instanceof TypeError) return 'network';
  return 'unknown';
}

/**
 * Turns anything thrown while calling the API into an `ApiError`. An `ApiError` passes through
 * unchanged; fetch's `TypeError` becomes `network`, an `AbortError` `aborted`, a `TimeoutError`
 * `timeout`, anything else `unknown`, with the original as `cause`.
 *
 * @example
 * const response = await fetch(url).catch((thrown) => { throw toApiError(thrown, 'record/addRecord'); });
 */
export function toApiError(thrown: unknown, endpoint?: string): ApiError {
  if (isApiError(thrown)) return thrown;
  return new ApiError({ kind: kindOf(thrown), endpoint, cause: thrown });
}

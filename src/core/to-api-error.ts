import { ApiError, type ApiErrorKind, isApiError } from './api-error.js';

/** What fetch says when no answer came: Node, Chromium, Firefox, Safari, React Native. */
const FETCH_FAILURE =
  /^(fetch failed|failed to fetch|networkerror when attempting to fetch resource\.?|load failed|network request failed)$/i;

function kindOf(thrown: unknown): ApiErrorKind {
  const name =
    typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
  if (name === 'AbortError') return 'aborted';
  if (name === 'TimeoutError') return 'timeout';
  // fetch rejects with a TypeError for every transport failure (offline, DNS, refused, CORS); a
  // TypeError thrown by a bug ("x is not a function") must not tell the person to check their network.
  if (thrown instanceof TypeError && FETCH_FAILURE.test(thrown.message)) return 'network';
  return 'unknown';
}

/**
 * Turns anything thrown while calling the API into an `ApiError`. An `ApiError` passes through
 * unchanged; fetch's `TypeError` ("Failed to fetch", "fetch failed" …) becomes `network`, an `AbortError` `aborted`, a `TimeoutError`
 * `timeout`, anything else `unknown`, with the original as `cause`.
 *
 * @example
 * const response = await fetch(url).catch((thrown) => { throw toApiError(thrown, 'record/addRecord'); });
 */
export function toApiError(thrown: unknown, endpoint?: string): ApiError {
  if (isApiError(thrown)) return thrown;
  return new ApiError({ kind: kindOf(thrown), endpoint, cause: thrown });
}

/**
 * @internal For what fetch or a body read threw: there, any TypeError is a transport failure,
 * whatever its wording ("terminated", a custom fetch's own message …).
 */
export function toTransportError(thrown: unknown, endpoint?: string): ApiError {
  return thrown instanceof TypeError
    ? new ApiError({ kind: 'network', endpoint, cause: thrown })
    : toApiError(thrown, endpoint);
}

/** An id upstream sends that the proxy keeps: visible ASCII, short enough for a log line and a screen. */
const USABLE_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * @internal Sets the answer's `X-Request-Id` — upstream's when it passed on a usable one, else a
 * fresh UUID of the proxy's own — and returns it, for the log entry of the same call.
 *
 * @example
 * const requestId = stampRequestId(response); // '5f1c…'; response.headers.get('X-Request-Id') is the same
 */
export function stampRequestId(response: Response): string {
  const upstreams = response.headers.get('X-Request-Id');
  const requestId = upstreams !== null && USABLE_ID.test(upstreams) ? upstreams : crypto.randomUUID();
  response.headers.set('X-Request-Id', requestId);
  return requestId;
}

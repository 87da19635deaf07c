import { quotesSecret, redactSecret } from '../core/redact-secret.js';

/** Upstream headers the browser client reads; every other one (hop-by-hop, Set-Cookie …) stays here. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'content-language', 'x-request-id'];
/** Statuses whose answers have no body. */
const NULL_BODY = new Set([204, 205, 304]);

/**
 * @internal The browser's copy of an upstream answer: its status, its body's bytes and the headers
 * the client reads. A body or header that quotes `apiKey` is redacted (a header dropped), and the
 * answer says so.
 *
 * @example
 * const { response, redacted } = passOn(upstream.status, upstream.headers, bytes, apiKey);
 */
export function passOn(
  status: number,
  upstreamHeaders: Headers,
  bytes: Uint8Array,
  apiKey: string,
): { response: Response; redacted: boolean } {
  let redacted = false;
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstreamHeaders.get(name);
    if (value === null) continue;
    if (redactSecret(value, apiKey) !== value) redacted = true;
    else headers.set(name, value);
  }
  let body = bytes;
  // Undecodable bytes become U+FFFD only in the search; the bytes go on as they came unless redacted.
  const text = new TextDecoder().decode(bytes);
  const safe = quotesSecret(text, apiKey) ? redactSecret(text, apiKey) : text;
  if (safe !== text) {
    redacted = true;
    body = new TextEncoder().encode(safe);
  }
  // An API answer is one person's: no cache in between may keep it.
  headers.set('Cache-Control', 'no-store');
  // Bytes, not text: Response would add a Content-Type of its own to a text body.
  const response = new Response(NULL_BODY.has(status) ? null : (body as BodyInit), { status, headers });
  return { response, redacted };
}

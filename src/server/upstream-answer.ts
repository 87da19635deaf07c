import { redactedPieces, redactSecret } from '../core/redact-secret.js';

/** Upstream headers the browser client reads; every other one (hop-by-hop, Set-Cookie …) stays here. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'content-language', 'x-request-id'];
/** Statuses whose answers have no body. */
const NULL_BODY = new Set([204, 205, 304]);

/**
 * Whether `text` is JSON, asked of every answer: were it asked only of answers that may quote the
 * key, the time an answer takes would tell a visitor whether the text they planted does.
 */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * @internal The browser's copy of an upstream answer: its status, its body's bytes and the headers
 * the client reads. A header that quotes 8 characters of `apiKey` is dropped; a JSON body loses
 * each whole copy of it inside its strings, any other body each run of 8 (see `redactedPieces`);
 * the answer says whether anything was.
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
  let body: Uint8Array | Blob = bytes;
  // Undecodable bytes become U+FFFD only in the search; the bytes go on as they came unless redacted.
  const text = new TextDecoder().decode(bytes);
  const pieces = redactedPieces(text, apiKey, isJson(text) ? 'json' : 'text');
  if (pieces.length > 1) {
    redacted = true;
    // A Blob encodes the pieces one after the other, and adds no Content-Type of its own.
    body = new Blob(pieces);
  }
  // An API answer is one person's: no cache in between may keep it.
  headers.set('Cache-Control', 'no-store');
  // Bytes, not text: Response would add a Content-Type of its own to a text body.
  const response = new Response(NULL_BODY.has(status) ? null : (body as BodyInit), { status, headers });
  return { response, redacted };
}

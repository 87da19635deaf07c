import { headerKey, IDEMPOTENCY_KEY_PATTERN } from '../client/idempotency-key.js';

/**
 * @internal The `Idempotency-Key` of a request: the key, `undefined` without the header, or why
 * the header cannot be read. The draft's form is an RFC 8941 sf-string (`"…"`); a bare token
 * (Stripe's form) is accepted too. Either way the key is 1–255 characters of visible ASCII,
 * without quotes or backslashes.
 *
 * @example
 * readIdempotencyKey(new Headers({ 'Idempotency-Key': '"8e0f…"' })); // { key: '8e0f…' }
 */
export function readIdempotencyKey(headers: Headers): { key: string } | { problem: string } | undefined {
  // Headers.get joins repeated headers with ", ": two keys are no key.
  const key = headerKey(headers.get('idempotency-key'));
  if (key === undefined) return undefined;
  if (key === '') return { problem: 'the Idempotency-Key header is empty' };
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    return {
      problem:
        'the Idempotency-Key header must be one key of 1–255 visible ASCII characters, without quotes or backslashes inside',
    };
  }
  return { key };
}

/**
 * @internal The first 12 hex digits of the SHA-256 of `text`: enough to tell keys apart in a log,
 * never the key itself.
 * @example await shortHash('8e0f…'); // 'a1b2c3d4e5f6'
 */
export async function shortHash(text: string): Promise<string> {
  return (await sha256Hex(text)).slice(0, 12);
}

/**
 * @internal The SHA-256 of `text` (UTF-8) as hex, by Web Crypto.
 * @example await sha256Hex('addRecord\n{"tpl_id":1}');
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

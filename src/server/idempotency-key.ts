import { headerKey, IDEMPOTENCY_KEY_PATTERN } from '../client/idempotency-key.js';

/** The characters a key may hold: a UUID's (hex digits and `-`), and base64url's. */
const KEY_ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * @internal The `Idempotency-Key` of a request: the key, `undefined` without the header, or why
 * the header is refused. The draft's form is an RFC 8941 sf-string (`"…"`); a bare token
 * (Stripe's form) is accepted too. The proxy takes only keys a visitor cannot guess: 16–255
 * letters, digits, `-` and `_` (the client's `crypto.randomUUID()` keys pass).
 *
 * @example
 * readIdempotencyKey(new Headers({ 'Idempotency-Key': '"8e0f…"' })); // { key: '8e0f…' }
 * readIdempotencyKey(new Headers({ 'Idempotency-Key': '"1"' })); // { problem: '… at least 16 characters …' }
 */
export function readIdempotencyKey(headers: Headers): { key: string } | { problem: string } | undefined {
  // Headers.get joins repeated headers with ", ": two keys are no key.
  const key = headerKey(headers.get('idempotency-key'));
  if (key === undefined) return undefined;
  if (key === '') return { problem: 'the Idempotency-Key header is empty' };
  if (IDEMPOTENCY_KEY_PATTERN.test(key)) return { key };
  if (!KEY_ALPHABET.test(key)) {
    return { problem: 'the Idempotency-Key must hold only letters, digits, - and _ (a random UUID does)' };
  }
  if (key.length < 16) {
    return {
      problem:
        'the Idempotency-Key must be at least 16 characters, so that nobody can guess it (send a random UUID)',
    };
  }
  return { problem: 'the Idempotency-Key must be at most 255 characters' };
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

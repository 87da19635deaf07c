/**
 * @internal A key the proxy takes: 16–255 letters, digits, `-` and `_`, so that nobody can guess
 * another visitor's (a random UUID is one). The proxy reads keys with it too.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,255}$/;

/**
 * @internal Throws a `TypeError` naming `where` unless `key` is a key the proxy takes.
 *
 * @example
 * checkIdempotencyKey('addRecord', crypto.randomUUID()); // passes
 * checkIdempotencyKey('addRecord', 'order-17'); // throws TypeError: too short to be unguessable
 */
export function checkIdempotencyKey(where: string, key: unknown): asserts key is string {
  if (typeof key === 'string' && IDEMPOTENCY_KEY_PATTERN.test(key)) return;
  const shown = typeof key === 'string' ? `a string of ${key.length} characters` : typeof key;
  throw new TypeError(
    `${where}: idempotencyKey must be 16–255 letters, digits, - or _, such as a random UUID (got ${shown})`,
  );
}

/**
 * @internal A fresh random key (a UUID v4). `crypto.randomUUID` exists only in secure contexts
 * (HTTPS, localhost); a page served over plain HTTP gets one made from `getRandomValues`.
 *
 * @example
 * newIdempotencyKey(); // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * @internal The key in an `Idempotency-Key` header value: an sf-string (`"…"`) or a bare token.
 *
 * @example
 * headerKey('"order-17"'); // 'order-17'
 */
export function headerKey(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  return /^".*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/**
 * @internal A key as the `Idempotency-Key` header carries it: an sf-string, quoted.
 * @example quotedKey('abc'); // '"abc"'
 */
export const quotedKey = (key: string) => `"${key}"`;

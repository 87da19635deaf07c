import { toApiError } from './to-api-error.js';

// FNV-1a over UTF-16 code units: short, fast and the same in every JavaScript engine.
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36).padStart(7, '0');
}

const describeCause = (cause: unknown): string => {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return typeof cause === 'string' ? cause : '';
};

/**
 * A short reference for support, e.g. `100308-0K3J9QX`: the error's number (or kind) and a digest
 * of its fields. It is computed, never random, so the server's render and the browser's hydration
 * of the same error agree, and a screenshot matches the `onError` log line of that error. Errors
 * with the same fields share it: pair it with the time to find one occurrence. A thrown value and
 * the `ApiError` made of it share it too.
 * @example onError={(error) => log({ reference: getErrorReference(error), ...error.toJSON() })}
 */
export function getErrorReference(error: unknown): string {
  const { kind, code, errorCode, status, endpoint, serverMessage, detail, cause } = toApiError(error);
  const fields = [kind, code, errorCode, status, endpoint, serverMessage, detail, describeCause(cause)];
  return `${errorCode ?? code ?? kind}-${hash(fields.join('\u0000'))}`.toUpperCase();
}

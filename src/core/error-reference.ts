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
 * The reference a person quotes to support. When the answer carried an `X-Request-Id` (every
 * answer of `createApiProxy` does), it is that id, verbatim: pasted into a log search, it finds the
 * one log entry of that call. Otherwise (no answer at all, a server that sends no id) it is the
 * error's number (or kind) and a digest of its fields, e.g. `100308-0K3J9QX`: errors with the same
 * fields share it, so pair it with the time. Either way it is read from the error, never made while
 * rendering: the server's render and the browser's hydration agree, and a screenshot matches the
 * `onError` log line. A thrown value and the `ApiError` made of it share it.
 * @example onError={(error) => log({ reference: getErrorReference(error), ...error.toJSON() })}
 */
export function getErrorReference(error: unknown): string {
  const apiError = toApiError(error);
  if (apiError.requestId) return apiError.requestId;
  const { kind, code, errorCode, status, endpoint, serverMessage, detail, cause } = apiError;
  const fields = [kind, code, errorCode, status, endpoint, serverMessage, detail, describeCause(cause)];
  return `${errorCode ?? code ?? kind}-${hash(fields.join('\u0000'))}`.toUpperCase();
}

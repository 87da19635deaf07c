import { ApiError, asRequestId, cutText, withApiErrorFields } from './api-error.js';
import { type BoundedText, readBoundedText } from './read-bounded-text.js';
import { redactSecret } from './redact-secret.js';
import { parseRetryAfter } from './retry-after.js';
import { toTransportError } from './to-api-error.js';

/** An envelope is far smaller: a body that goes on past this is not one. */
const ENVELOPE_MAX_BYTES = 1024 * 1024;
/** Of a body that cannot be an envelope (it does not open with `{`), only this much is read. */
const EXCERPT_MAX_BYTES = 16 * 1024;
/**
 * Of longer server texts only the start is redacted and kept (`ApiError` keeps 1,000 characters):
 * a copy of the secret cut at this edge is still redacted when 8 or more of its characters remain.
 */
const SERVER_TEXT_WINDOW = 16 * 1024;
/** A body that is not an envelope is kept as an excerpt of this many characters in `detail`. */
const BODY_EXCERPT_LENGTH = 200;

/** Options of `readApiResponse`. */
export interface ReadApiResponseOptions {
  /**
   * A secret the answer may echo, such as the API key sent as `Authorization: Bearer <key>`. Every
   * run of 8 or more of its characters (raw, URL-encoded, JSON- or HTML-escaped) in the server text
   * kept on the error is replaced with `[redacted]` before that text is cut.
   */
  secret?: string;
}

interface Envelope {
  code: number;
  errorCode?: number;
  message?: string;
  detail?: string;
  data?: unknown;
}

// The gateway sometimes sends codes as numeric strings ("400").
function toInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(number) ? (number as number) : undefined;
}

/** Server text as it is kept: anything as JSON (none when it cannot be), redacted. */
function toText(value: unknown, secret: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    // Nested deeper than the stack (a 5,000-level array): the error keeps its code without it.
    return undefined;
  }
  return redactSecret(text.slice(0, SERVER_TEXT_WINDOW), secret);
}

/** The answer's `X-Request-Id`, when it is a valid id that does not quote the secret. */
function requestIdOf(response: Response, secret: string): string | undefined {
  const id = asRequestId(response.headers.get('x-request-id'));
  return id !== undefined && redactSecret(id, secret) === id ? id : undefined;
}

function parseEnvelope(text: string, secret: string): Envelope | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  const code = toInteger(fields.code);
  if (code === undefined) return undefined;
  return {
    code,
    errorCode: toInteger(fields.error_code),
    message: toText(fields.message, secret),
    detail: toText(fields.message_detail, secret),
    data: fields.data,
  };
}

function excerpt(text: string, secret: string): string | undefined {
  const collapsed = text
    .slice(0, SERVER_TEXT_WINDOW)
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return collapsed ? cutText(redactSecret(collapsed, secret), BODY_EXCERPT_LENGTH) : undefined;
}

// Only a body that opens with `{` (after white space) may be an envelope.
function maxBytes(textSoFar: string): number {
  const opening = textSoFar.slice(0, 64).trimStart();
  return opening === '' || opening.startsWith('{') ? ENVELOPE_MAX_BYTES : EXCERPT_MAX_BYTES;
}

async function readBody(response: Response): Promise<BoundedText> {
  // React Native's fetch has no body stream: there, the body can only be read whole.
  if (response.body === undefined) return { text: await response.text(), cut: false };
  if (response.body === null) return { text: '', cut: false };
  return readBoundedText(response.body, maxBytes);
}

/**
 * Reads an answer of the OpenAPI V2: resolves the envelope's `data` when `code` is 0 on a 2xx
 * answer, and throws an `ApiError` for everything else — envelopes with a code ≠ 0 (`api`), non-2xx
 * answers without a readable envelope such as the bare HTML 502 pages of the gateway (`http`, with
 * `code` = HTTP status), and 2xx answers that are not an envelope (`invalid-response`). Fills
 * `retryAfterMs` from the `Retry-After` header and `requestId` from `X-Request-Id` (one that quotes
 * `secret` is dropped). Reads at most 1 MiB of the body (16 KiB of one that cannot be an envelope)
 * and cancels the rest: a body longer than that is not an envelope.
 *
 * @example
 * const response = await fetch('/api/v2/rpc/forms/getTemplate', { method: 'POST', body });
 * const template = await readApiResponse<TemplateResult>(response, 'forms/getTemplate');
 * // Where the request carried the key, keep any echo of it off the error:
 * await readApiResponse(response, 'forms/getTemplate', { secret: apiKey });
 */
export async function readApiResponse<T>(
  response: Response,
  endpoint?: string,
  { secret = '' }: ReadApiResponseOptions = {},
): Promise<T> {
  const { status, ok } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const requestId = requestIdOf(response, secret);
  let body: BoundedText;
  try {
    body = await readBody(response);
  } catch (thrown) {
    throw withApiErrorFields(toTransportError(thrown, endpoint), { status, retryAfterMs, requestId });
  }

  const envelope = body.cut ? undefined : parseEnvelope(body.text, secret);
  if (envelope && envelope.code !== 0) {
    throw new ApiError({
      kind: 'api',
      code: envelope.code,
      errorCode: envelope.errorCode,
      status,
      serverMessage: envelope.message,
      detail: envelope.detail,
      retryAfterMs,
      endpoint,
      requestId,
    });
  }
  if (envelope && ok) return envelope.data as T;
  throw new ApiError({
    kind: ok ? 'invalid-response' : 'http',
    // status 0 is an opaque answer (no-cors, or a redirect a browser did not follow), never the
    // success code 0.
    code: ok || status === 0 ? undefined : status,
    status,
    detail:
      response.type === 'opaqueredirect'
        ? 'A redirect, not followed'
        : envelope
          ? envelope.message
          : excerpt(body.text, secret),
    retryAfterMs,
    endpoint,
    requestId,
  });
}

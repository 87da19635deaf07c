import { ApiError, withApiErrorFields } from './api-error.js';
import { parseRetryAfter } from './retry-after.js';
import { toTransportError } from './to-api-error.js';

/** Server text kept on an error is cut to this many characters. */
const MAX_TEXT_LENGTH = 1000;
/** A body that is not an envelope is kept as an excerpt of this many characters in `detail`. */
const BODY_EXCERPT_LENGTH = 200;

interface Envelope {
  code: number;
  errorCode?: number;
  message?: string;
  detail?: string;
  data?: unknown;
}

const truncate = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

// The gateway sometimes sends codes as numeric strings ("400").
function toInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(number) ? (number as number) : undefined;
}

function toText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return truncate(text, MAX_TEXT_LENGTH);
}

function parseEnvelope(text: string): Envelope | undefined {
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
    message: toText(fields.message),
    detail: toText(fields.message_detail),
    data: fields.data,
  };
}

function excerpt(text: string): string | undefined {
  const collapsed = text
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return collapsed ? truncate(collapsed, BODY_EXCERPT_LENGTH) : undefined;
}

/**
 * Reads an answer of the OpenAPI V2: resolves the envelope's `data` when `code` is 0 on a 2xx
 * answer, and throws an `ApiError` for everything else — envelopes with a code ≠ 0 (`api`), non-2xx
 * answers without a readable envelope such as the bare HTML 502 pages of the gateway (`http`, with
 * `code` = HTTP status), and 2xx answers that are not an envelope (`invalid-response`). Fills
 * `retryAfterMs` from the `Retry-After` header.
 *
 * @example
 * const response = await fetch('/api/v2/rpc/forms/getTemplate', { method: 'POST', body });
 * const template = await readApiResponse<TemplateResult>(response, 'forms/getTemplate');
 */
export async function readApiResponse<T>(response: Response, endpoint?: string): Promise<T> {
  const { status, ok } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let text: string;
  try {
    text = await response.text();
  } catch (thrown) {
    throw withApiErrorFields(toTransportError(thrown, endpoint), { status, retryAfterMs });
  }

  const envelope = parseEnvelope(text);
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
    });
  }
  if (envelope && ok) return envelope.data as T;
  throw new ApiError({
    kind: ok ? 'invalid-response' : 'http',
    // status 0 is an opaque answer (no-cors), never the success code 0.
    code: ok || status === 0 ? undefined : status,
    status,
    detail: envelope ? envelope.message : excerpt(text),
    retryAfterMs,
    endpoint,
  });
}

/**
 * How a request failed:
 * - `api`: the server answered an envelope with `code` ≠ 0;
 * - `http`: a non-2xx answer without a readable envelope (HTML, empty or truncated body);
 * - `network`: no answer at all (offline, DNS, connection refused, CORS);
 * - `timeout`: no answer within the client's `timeoutMs`;
 * - `aborted`: the caller's `signal` cancelled the request;
 * - `invalid-response`: a 2xx answer that is not an envelope;
 * - `unknown`: anything else that was thrown.
 */
export type ApiErrorKind =
  | 'api'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-response'
  | 'unknown';

/** The fields an `ApiError` is made of; all but `kind` are optional. */
export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** Top-level `code` of the envelope; for `http` errors, the HTTP status. */
  code?: number;
  /** Module `error_code` (100300–100329), when the upstream module supplied one. */
  errorCode?: number;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /**
   * The envelope's `message` (developer text in English; never render it as HTML); cut to 1,000
   * characters.
   */
  serverMessage?: string;
  /** The envelope's `message_detail`, or an excerpt of a body that was not an envelope; cut to 1,000 characters. */
  detail?: string;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The path that was called, e.g. `/api/v2/rpc/record/addRecord`; cut to 1,000 characters. */
  endpoint?: string;
  /**
   * The `Idempotency-Key` of the write that failed, set only when a resend with it is safe: the
   * answer echoed it (the server remembers keys), or no answer came at all (`network`, `timeout`)
   * to an `addRecord` sent to a server known to remember keys (it echoed one before, or the host
   * said so with `idempotencyKeys: true`). With
   * `mayHaveBeenStored(error)`, it means a resend with this key cannot store twice. Cut to 1,000
   * characters.
   * @example if (mayHaveBeenStored(error) && error.idempotencyKey) offerSafeResend();
   */
  idempotencyKey?: string;
  /**
   * The answer's `X-Request-Id`: the id the proxy (or the API) logged this call under, and the
   * reference a person reads out to support (`getErrorReference`). Kept only when it is 1–128
   * visible ASCII characters; anything else is dropped, never cut (a cut id finds no log entry).
   * Plain text: render it as text, never as HTML.
   * @example if (error.requestId) openSupportTicket({ requestId: error.requestId });
   */
  requestId?: string;
  /** What was thrown underneath (a fetch `TypeError`, a `DOMException` …). */
  cause?: unknown;
}

/** The plain, serialisable fields of an `ApiError` (what `toJSON()` returns). */
export interface ApiErrorJSON extends Omit<ApiErrorInit, 'cause'> {
  name: 'ApiError';
  message: string;
}

/** `message` of an error whose server gave none. */
const KIND_MESSAGES: Record<ApiErrorKind, string> = {
  api: 'API error',
  http: 'HTTP error without a readable envelope',
  network: 'Network failure',
  timeout: 'Request timed out',
  aborted: 'Request aborted',
  'invalid-response': 'Response is not an API envelope',
  unknown: 'Unknown error',
};

/** Text kept on an error (`serverMessage`, `detail`, `endpoint`, `idempotencyKey`) is cut to this many characters. */
const MAX_TEXT_LENGTH = 1000;
/** A request id as a log search needs it whole: 1–128 visible ASCII characters. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * @internal `value` when it is a request id an error keeps (1–128 visible ASCII characters), else
 * `undefined`: never cut, since a cut id finds no log entry.
 *
 * @example
 * asRequestId('3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f'); // kept
 * asRequestId('<b>x</b> y'); // undefined: a space is not visible ASCII
 */
export const asRequestId = (value: unknown): string | undefined =>
  typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;

/**
 * @internal `text` cut to `length` characters, the last of them `…`, never splitting a character
 * made of two UTF-16 units.
 *
 * @example
 * cutText('abcdef', 4); // 'abc…'
 */
export function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = length - 1;
  const last = text.charCodeAt(end - 1);
  const highSurrogate = last >= 0xd800 && last <= 0xdbff;
  return `${text.slice(0, highSurrogate ? end - 1 : end)}…`;
}

// Fields from plain JavaScript may be anything (a code as an object, a message without a
// prototype): an error is still made, with the fields as the types say.
const asText = (value: unknown): string | undefined => {
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
};
const asNumber = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && !Number.isNaN(number) ? number : undefined;
};

const asCappedText = (value: unknown): string | undefined => {
  const text = asText(value);
  return text === undefined ? undefined : cutText(text, MAX_TEXT_LENGTH);
};

function normalize(init: ApiErrorInit): ApiErrorInit {
  const kind = asText(init.kind) ?? 'unknown';
  return {
    kind: (Object.hasOwn(KIND_MESSAGES, kind) ? kind : 'unknown') as ApiErrorKind,
    code: asNumber(init.code),
    errorCode: asNumber(init.errorCode),
    status: asNumber(init.status),
    serverMessage: asCappedText(init.serverMessage),
    detail: asCappedText(init.detail),
    retryAfterMs: asNumber(init.retryAfterMs),
    endpoint: asCappedText(init.endpoint),
    idempotencyKey: asCappedText(init.idempotencyKey),
    requestId: asRequestId(init.requestId),
  };
}

function composeMessage(init: ApiErrorInit): string {
  const numbers = [
    init.code !== undefined && `code ${init.code}`,
    init.errorCode !== undefined && `error_code ${init.errorCode}`,
    init.code === undefined && init.status !== undefined && `HTTP ${init.status}`,
  ].filter(Boolean);
  const prefix = numbers.length > 0 ? `[${numbers.join(', ')}] ` : '';
  const suffix = init.endpoint ? ` (${init.endpoint})` : '';
  return `${prefix}${init.serverMessage || KIND_MESSAGES[init.kind]}${suffix}`;
}

const BRAND = Symbol.for('caoliao-api-errors.ApiError');

/**
 * The one error type of the library: every failure of every request becomes an `ApiError`.
 *
 * @example
 * try {
 *   await client.addRecord(record);
 * } catch (error) {
 *   if (isApiError(error) && error.errorCode === 100308) highlightRequiredFields();
 * }
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly code: number | undefined;
  readonly errorCode: number | undefined;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly detail: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly endpoint: string | undefined;
  /** See `ApiErrorInit.idempotencyKey`. */
  readonly idempotencyKey: string | undefined;
  /** See `ApiErrorInit.requestId`. */
  readonly requestId: string | undefined;

  constructor(raw: ApiErrorInit) {
    const init = normalize(raw);
    super(composeMessage(init), raw.cause === undefined ? undefined : { cause: raw.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.errorCode = init.errorCode;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.endpoint = init.endpoint;
    this.idempotencyKey = init.idempotencyKey;
    this.requestId = init.requestId;
  }

  /** @internal Lets `isApiError` recognise errors made by another copy of this library. */
  get [BRAND](): true {
    return true;
  }

  /** The plain fields, without `cause` (which may be anything); undefined ones drop out of JSON. */
  toJSON(): ApiErrorJSON {
    // The fields are own enumerable properties; `message` and `cause` are not.
    return { ...this, message: this.message };
  }
}

/** Whether `value` is an `ApiError`, also one made by another copy of this library. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || (typeof value === 'object' && value !== null && BRAND in value);
}

/** @internal A copy of `error` with some fields changed (errors are immutable). */
export function withApiErrorFields(error: ApiError, changes: Partial<ApiErrorInit>): ApiError {
  return new ApiError({ ...error.toJSON(), cause: error.cause, ...changes });
}

import { ApiError, withApiErrorFields } from '../core/api-error.js';
import { gotNoAnswer } from '../core/got-no-answer.js';
import { MAX_TIMER_MS } from '../core/max-timer.js';
import { readApiResponse } from '../core/read-api-response.js';
import { REDACTED, redactSecret } from '../core/redact-secret.js';
import { toApiError, toTransportError } from '../core/to-api-error.js';
import {
  DEFAULT_PATHS,
  type EndpointName,
  type Endpoints,
  isWriteEndpoint,
  type VerifyCertificateRequest,
} from './endpoints.js';
import { checkIdempotencyKey, headerKey, newIdempotencyKey, quotedKey } from './idempotency-key.js';
import { createRateLimitGate, type RateLimitOptions } from './rate-limit-gate.js';

/** Options of one call. */
export interface RequestOptions {
  /** Cancels the call, also while it waits at the rate-limit gate; it then fails as `aborted`. */
  signal?: AbortSignal;
  /**
   * The `Idempotency-Key` of this write, when the client sends keys (`ApiClientOptions.idempotencyKeys`):
   * 16–255 letters, digits, `-` and `_`, such as a random UUID (a shorter key could be guessed, and
   * the proxy refuses it). Without it, each keyed write gets a fresh random key. Reads never send one.
   * @example await client.addRecord(record, { idempotencyKey: savedKey })
   */
  idempotencyKey?: string;
}

export interface ApiClientOptions {
  /**
   * Where the API is: `https://open.cli.im` by default, or your own backend that adds the key and
   * forwards (a relative URL such as `/caoliao` works in the browser).
   * @example createApiClient({ baseUrl: '/caoliao' })
   */
  baseUrl?: string;
  /**
   * The organisation's API key, sent as `Authorization: Bearer …` and nowhere else. It is a server
   * secret: in a browser, leave it out and call your own backend instead.
   */
  apiKey?: string;
  /**
   * Extra headers for every call, e.g. a CSRF token for your proxy.
   * @example createApiClient({ baseUrl: '/caoliao', headers: { 'X-CSRF-Token': token } })
   */
  headers?: Record<string, string>;
  /**
   * The fetch to use (default: the global one, looked up at each call so test mocks apply).
   * @example createApiClient({ fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }) })
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds a call may take, from leaving the gate to the end of the body (default 15 000). */
  timeoutMs?: number;
  /**
   * Paths relative to `baseUrl`, per endpoint. The V2 certificate path is inferred from V1.
   * @example createApiClient({ paths: { verifyCertificate: '/api/v1/certificate/verification' } })
   */
  paths?: Partial<Record<EndpointName, string>>;
  /**
   * Wire names of the certificate request's fields, where your server spells them differently.
   * @example createApiClient({ certificateFields: { certificate_code: 'certificateCode' } })
   */
  certificateFields?: Partial<Record<keyof VerifyCertificateRequest, string>>;
  /** Pacing of the client-wide rate-limit gate; see `RateLimitOptions`. */
  rateLimit?: RateLimitOptions;
  /**
   * Whether writes (`addRecord`, `verifyCertificate`) carry an `Idempotency-Key` header, so that a
   * proxy which honours keys (`createApiProxy`) stores a resent submission once. By default on when
   * `baseUrl` points anywhere but `https://open.cli.im` (your proxy), off when calling the API
   * directly, which ignores the header. A proxy on another origin must allow the header in CORS.
   * `true` also says the server remembers keys: then a submission that got no answer at all (a
   * lost connection, a timeout) is called safe to resend even before any answer echoed a key.
   * @example createApiClient({ baseUrl: '/caoliao', idempotencyKeys: true }) // createApiProxy remembers keys
   */
  idempotencyKeys?: boolean;
}

type Method<Name extends EndpointName> = (
  request: Endpoints[Name]['request'],
  options?: RequestOptions,
) => Promise<Endpoints[Name]['result']>;

/**
 * One method per endpoint. Each resolves the envelope's `data` and rejects only with `ApiError`.
 */
export interface ApiClient {
  /** `record/getFormList`: forms visible to the key. */
  getFormList: (
    request?: Endpoints['getFormList']['request'],
    options?: RequestOptions,
  ) => Promise<Endpoints['getFormList']['result']>;
  /** `forms/getTemplate`: the full structure of one form. */
  getTemplate: Method<'getTemplate'>;
  /** `record/addRecord`: submits one record (a write: never retried without the person asking). */
  addRecord: Method<'addRecord'>;
  /** `record/getRecord`: one record by `record_id` or `record_url`. */
  getRecord: Method<'getRecord'>;
  /** `record/getRecords`: one page of records; pass the answer's `page_token` for the next. */
  getRecords: Method<'getRecords'>;
  /** `qrcodes/getContent`: what a QR code shows. */
  getQrcodeContent: Method<'getQrcodeContent'>;
  /** `qrcodes/getOperation`: the operations linked to a code. */
  getQrcodeOperation: Method<'getQrcodeOperation'>;
  /** Certificate verification (核销), a write; path and field names are configurable. */
  verifyCertificate: Method<'verifyCertificate'>;
  /** Whether this client's writes carry an `Idempotency-Key` (see `ApiClientOptions.idempotencyKeys`). */
  readonly idempotencyKeys: boolean;
}

const DEFAULT_BASE_URL = 'https://open.cli.im';
const DEFAULT_TIMEOUT_MS = 15_000;
/** Kinds of failure where the server did answer. */
const ANSWERED_KINDS = new Set(['api', 'http', 'invalid-response']);

/** Keys are for a proxy: the API itself (`open.cli.im`) ignores them. A relative URL is a proxy. */
function talksToProxy(baseUrl: string | undefined): boolean {
  if (baseUrl === undefined) return false;
  try {
    return new URL(baseUrl).origin !== DEFAULT_BASE_URL;
  } catch {
    return true;
  }
}

function checkOptions(options: ApiClientOptions): void {
  const { baseUrl, apiKey, fetch, timeoutMs, paths = {}, idempotencyKeys } = options;
  const fail = (message: string) => {
    throw new TypeError(`createApiClient: ${message}`);
  };
  if (baseUrl !== undefined && typeof baseUrl !== 'string') fail('baseUrl must be a string');
  // Checked here because fetch would reject such a key with an error that quotes it.
  if (apiKey !== undefined && !(typeof apiKey === 'string' && /^[\x21-\x7e]+$/.test(apiKey))) {
    fail('apiKey must be a non-empty string of visible ASCII characters (leave it out to call a proxy)');
  }
  if (fetch !== undefined && typeof fetch !== 'function') fail('fetch must be a function');
  if (idempotencyKeys !== undefined && typeof idempotencyKeys !== 'boolean') {
    fail('idempotencyKeys must be true or false');
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    fail(`timeoutMs must be a positive number, got ${timeoutMs}`);
  }
  for (const [name, path] of Object.entries(paths)) {
    if (!Object.hasOwn(DEFAULT_PATHS, name) || typeof path !== 'string')
      fail(`paths.${name} is not an endpoint path`);
  }
}

function buildHeaders(options: ApiClientOptions): Headers {
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (thrown) {
    throw new TypeError(`createApiClient: headers are not valid HTTP headers (${(thrown as Error).message})`);
  }
  headers.set('Accept', 'application/json');
  headers.set('Content-Type', 'application/json');
  if (options.apiKey) headers.set('Authorization', `Bearer ${options.apiKey}`);
  return headers;
}

const renameFields = (body: object, names: Partial<Record<string, string>>) =>
  Object.fromEntries(Object.entries(body).map(([name, value]) => [names[name] ?? name, value]));

/**
 * Creates a typed client for the 草料 OpenAPI V2. All calls of one client share a rate-limit gate.
 *
 * @example
 * // On a server, with the organisation's key:
 * const client = createApiClient({ apiKey: process.env.CAOLIAO_API_KEY });
 * // In a browser, through your own backend that adds the key:
 * const client = createApiClient({ baseUrl: '/caoliao' });
 * const { data } = await client.getTemplate({ tpl_id: 123 });
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  checkOptions(options);
  const { apiKey, certificateFields = {} } = options;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = buildHeaders(options);
  const gate = createRateLimitGate(options.rateLimit);
  const fetchImpl = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const idempotencyKeys = options.idempotencyKeys ?? talksToProxy(options.baseUrl);
  // Whether the server is known to remember keys: the host said so (`idempotencyKeys: true`), or
  // an answer echoed one. Only then may a write that got no answer at all be called safe to resend.
  let keysHonoured = options.idempotencyKeys === true;

  // Servers and proxies sometimes echo request headers into their errors; fetch implementations
  // may quote them anywhere in what they throw (a property, an AggregateError's `errors` …).
  const redact = (text: string | undefined) => (apiKey && text ? redactSecret(text, apiKey) : text);
  const leaks = (value: unknown) => !!apiKey && [...stringsIn(value)].some((text) => redact(text) !== text);
  const redactError = (error: ApiError): ApiError => {
    const causeLeaks = leaks(error.cause);
    if (!leaks(error.serverMessage) && !leaks(error.detail) && !causeLeaks) return error;
    return withApiErrorFields(error, {
      serverMessage: redact(error.serverMessage),
      detail: redact(error.detail),
      cause: causeLeaks ? new Error(`${REDACTED}: the original cause quoted the API key`) : error.cause,
    });
  };

  async function send(
    endpoint: string,
    payload: object,
    signal: AbortSignal | undefined,
    key: { value: string; lookedUp: boolean } | undefined,
  ): Promise<unknown> {
    let body: string;
    try {
      body = JSON.stringify(payload);
    } catch (thrown) {
      throw new ApiError({
        kind: 'unknown',
        endpoint,
        detail: 'The request cannot be sent as JSON',
        cause: thrown,
      });
    }
    const pass = await gate.acquire(signal, endpoint);

    const requestHeaders = new Headers(headers);
    if (key) requestHeaders.set('Idempotency-Key', quotedKey(key.value));
    let response: Response | undefined;

    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
      },
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
    try {
      if (signal?.aborted) onAbort();
      response = await fetchImpl(`${baseUrl}${endpoint}`, {
        method: 'POST',
        headers: requestHeaders,
        body,
        signal: controller.signal,
        // A redirect would carry the person's answers and our headers (a CSRF token …) to wherever
        // it points, and its answer would be taken as data: a 3xx is an `http` error instead.
        redirect: 'manual',
      }).catch((thrown: unknown) => {
        throw toTransportError(thrown, endpoint);
      });
      if (typeof response?.text !== 'function' || typeof response.headers?.get !== 'function') {
        throw new ApiError({ kind: 'unknown', endpoint, detail: 'fetch did not return a Response' });
      }
      if (key && echoes(response, key.value)) keysHonoured = true;
      const data = await readApiResponse(response, endpoint, { secret: apiKey });
      gate.accepted(pass);
      return data;
    } catch (thrown) {
      let error = toApiError(thrown, endpoint);
      // Whatever the transport threw once we cancelled (a caller's abort reason may be any value).
      if (!ANSWERED_KINDS.has(error.kind) && (timedOut || signal?.aborted)) {
        const cause = timedOut ? error.cause : signal?.reason;
        error = withApiErrorFields(error, { kind: timedOut ? 'timeout' : 'aborted', cause });
      }
      error = redactError(error);
      // Safe to resend with the key: the answer echoed it (the server remembers it), or none came
      // from a server known to remember keys, for a write it can look up (a verification it cannot).
      const unanswered = gotNoAnswer(error);
      if (key && (unanswered ? keysHonoured && key.lookedUp : echoes(response, key.value))) {
        error = withApiErrorFields(error, { idempotencyKey: key.value });
      }
      if (error.status === 429 || error.code === 429) gate.limited(error);
      else if (error.status !== undefined) gate.accepted(pass);
      else gate.unanswered(pass);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  const methods = Object.keys(DEFAULT_PATHS).map((name) => [
    name,
    (request: object | undefined, { signal, idempotencyKey }: RequestOptions = {}) => {
      let key: { value: string; lookedUp: boolean } | undefined;
      try {
        if (idempotencyKey !== undefined) checkIdempotencyKey(name, idempotencyKey);
        if (idempotencyKeys && isWriteEndpoint(name))
          key = { value: idempotencyKey ?? newIdempotencyKey(), lookedUp: name === 'addRecord' };
      } catch (thrown) {
        return Promise.reject(thrown);
      }
      const body = name === 'verifyCertificate' ? renameFields(request ?? {}, certificateFields) : request;
      return send(paths[name as EndpointName], body ?? {}, signal, key);
    },
  ]);
  return { ...Object.fromEntries(methods), idempotencyKeys } as ApiClient;
}

/** Whether `response` echoed `key` in its `Idempotency-Key`: the server remembers it. */
const echoes = (response: Response | undefined, key: string) =>
  headerKey(response?.headers?.get?.('Idempotency-Key') ?? null) === key;

/**
 * Every string reachable from `value` through own properties, a few levels deep — and an error's
 * `message` and `stack`, which some errors (a browser's DOMException) keep on their prototype.
 */
function* stringsIn(value: unknown, depth = 0, seen = new Set<object>()): Generator<string> {
  if (typeof value === 'string') yield value;
  if (typeof value !== 'object' || value === null || depth > 4 || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Error) yield `${value.message}\n${value.stack}`;
  for (const key of Reflect.ownKeys(value)) {
    let child: unknown;
    try {
      child = (value as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    yield* stringsIn(child, depth + 1, seen);
  }
}

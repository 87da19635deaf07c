import { DEFAULT_PATHS, type EndpointName } from '../client/endpoints.js';
import { MAX_TIMER_MS } from '../core/max-timer.js';
import {
  type IdempotencyOptions,
  type IdempotencySettings,
  resolveIdempotency,
} from './idempotency-options.js';
import type { ProxyLimits } from './limits-contract.js';
import { createMemoryStore } from './memory-store.js';
import type { ProxyLogEntry } from './proxy-log.js';
import type { ProxyStore } from './proxy-store.js';
import type { StoreOutageOptions } from './store-outage-options.js';

export type { IdempotencyOptions };

/**
 * The endpoints each preset serves, named for the page that needs them.
 * @example PROXY_PRESETS.form; // ['getTemplate', 'getQrcodeContent', 'addRecord']
 */
export const PROXY_PRESETS = {
  /** A public form page: read the form, read what its code shows, submit one record. */
  form: ['getTemplate', 'getQrcodeContent', 'addRecord'],
  /** A verification desk: verify a voucher, look up its record and what its code shows. */
  desk: ['verifyCertificate', 'getRecord', 'getQrcodeContent'],
} as const satisfies Record<string, readonly EndpointName[]>;

/**
 * `'form'` or `'desk'`; see `PROXY_PRESETS`.
 * @example const allow: ProxyPreset = 'desk';
 */
export type ProxyPreset = keyof typeof PROXY_PRESETS;

/**
 * What `authorize` answers: `true` to go on; `{ identity }` to go on as that caller (a user or
 * account id of the host's: the idempotency keys of writes are then scoped to it, so one caller's
 * key never answers another's); `false` for a 403 envelope; a `Response` of the host's own to
 * refuse with its status — a 401 stays a 401 (with its `WWW-Authenticate`), any other status
 * becomes a 403 — always answered as an envelope the browser client reads. Anything else refuses;
 * an `identity` that is not a non-empty string is a 500 (a bug of the host's, never served
 * unscoped).
 * @example
 * const authorize = async (request: Request): Promise<AuthorizeResult> => {
 *   const session = await getSession(request);
 *   return session ? { identity: session.userId } : new Response(null, { status: 401 });
 * };
 */
export type AuthorizeResult = boolean | Response | { identity: string };

/**
 * Options of `createApiProxy`: `apiKey` and `allow` are required.
 * @example const options: ApiProxyOptions = { apiKey: process.env.CAOLIAO_API_KEY!, allow: 'form' };
 */
export interface ApiProxyOptions {
  /**
   * The organisation's API key, sent upstream as `Authorization: Bearer …` and nowhere else.
   * `undefined` or `''` (the secret is not set where the module is built) does not throw: every
   * call then answers a 503 envelope, the proxy is not configured, logged once per process.
   * @example createApiProxy({ apiKey: process.env.CAOLIAO_API_KEY, allow: 'form' })
   */
  apiKey: string | undefined;
  /**
   * The endpoints served, as the client names them, or a preset (`'form'`, `'desk'`). Required:
   * there is no "everything". Any other endpoint gets a 403 envelope.
   * @example createApiProxy({ apiKey, allow: ['getTemplate', 'addRecord'] })
   */
  allow: ProxyPreset | readonly EndpointName[];
  /**
   * Where the API is (default `https://open.cli.im`).
   * @example createApiProxy({ apiKey, allow: 'form', upstream: 'http://127.0.0.1:8080' })
   */
  upstream?: string;
  /**
   * Paths per endpoint, as given to `createApiClient`: the proxy recognises each at the end of the
   * request's path (under any prefix) and forwards it to the same path upstream.
   * @example createApiProxy({ apiKey, allow: 'desk', paths: { verifyCertificate: '/api/v1/certificate/verification' } })
   */
  paths?: Partial<Record<EndpointName, string>>;
  /**
   * Checks the host's own session before anything else is read (do not read the request's body
   * here); see `AuthorizeResult`. A refused call never reaches upstream; a throw answers a 500
   * envelope and logs `error` with `failed: 'authorize'`.
   * @example authorize: async (request) => (await getSession(request)) ? true : new Response(null, { status: 401 })
   */
  authorize?: (request: Request, endpoint: EndpointName) => AuthorizeResult | Promise<AuthorizeResult>;
  /** The visitor limit and the organisation's budget; see `ProxyLimits`. */
  limits?: ProxyLimits;
  /**
   * Writes (`addRecord`, `verifyCertificate`) sent with an `Idempotency-Key` header land once: the
   * proxy keeps each key's outcome and answers a resend with it (on by default; `false` to forward
   * every write as it comes). See `IdempotencyOptions`.
   * @example createApiProxy({ apiKey, allow: 'form', idempotency: { markerField: { 7001: 71234567890104 } } })
   */
  idempotency?: IdempotencyOptions | false;
  /**
   * Where the limits and the idempotency keys keep their state: `createMemoryStore()` (the default, one process) or
   * `createRedisStore(redis)` when several instances serve one key.
   * @example createApiProxy({ apiKey, allow: 'form', store: createRedisStore(new Redis(process.env.REDIS_URL!)) })
   */
  store?: ProxyStore;
  /** What happens while the store does not answer; see `StoreOutageOptions`. */
  storeOutage?: StoreOutageOptions;
  /**
   * The fetch used to call upstream (default: the global one, looked up at each call).
   * @example createApiProxy({ apiKey, allow: 'form', fetch: (url, init) => undici.fetch(url, { ...init, dispatcher }) })
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Milliseconds upstream may take, answer body included, before a 502 envelope `upstream timed
   * out` (default 15 000).
   */
  timeoutMs?: number;
  /**
   * The largest request body forwarded, in bytes (default 256 KiB); past it, a 413 envelope and
   * the connection closed.
   */
  maxBodyBytes?: number;
  /**
   * Milliseconds the request body may take to arrive, from when the proxy starts reading it
   * (default 10 000); past it, a 408 envelope and the connection closed, so that a body sent a
   * byte at a time holds nothing for long.
   */
  bodyTimeoutMs?: number;
  /** The largest upstream answer passed on, in bytes (default 4 MiB); past it, a 502 envelope. */
  maxAnswerBytes?: number;
  /**
   * Request headers passed upstream besides `Content-Type`, `Accept` and `Accept-Language`. None
   * by default: the browser chooses their values, so upstream must not trust them. Cookies,
   * `Authorization`, `Host` and hop-by-hop headers cannot be named.
   * @example createApiProxy({ apiKey, allow: 'desk', forwardHeaders: ['x-user-id'] }) // the simulator's verifier
   */
  forwardHeaders?: readonly string[];
  /**
   * Receives one structured entry per call (none by default: a library does not write to your
   * logs). It never holds the key, a body or personal data; a throw in it is ignored.
   * @example log: (entry) => console.info(JSON.stringify(entry))
   */
  log?: (entry: ProxyLogEntry) => void;
}

/** @internal Options checked and filled in. */
export interface ProxySettings {
  /** `undefined`: created without a key, every call answers a 503 envelope. */
  apiKey: string | undefined;
  /** Where the limits and the idempotency records keep their state. */
  store: ProxyStore;
  allowed: ReadonlySet<EndpointName>;
  upstream: string;
  paths: Readonly<Record<EndpointName, string>>;
  authorize: ApiProxyOptions['authorize'];
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  maxAnswerBytes: number;
  forwardHeaders: readonly string[];
  log: (entry: ProxyLogEntry) => void;
  /** `undefined` when `idempotency: false`. */
  idempotency: IdempotencySettings | undefined;
}

const DEFAULT_UPSTREAM = 'https://open.cli.im';
const UNFORWARDABLE = new Set([
  'authorization',
  'cookie',
  'host',
  'content-length',
  'content-type',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'forwarded',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

// No message quotes a value given: the API key passed by mistake to a setting (environment
// variables mixed up) must stay out of logs.
function fail(message: string): never {
  throw new TypeError(`createApiProxy: ${message}`);
}

const isPositive = (value: unknown, max = Number.MAX_SAFE_INTEGER) =>
  typeof value === 'number' && value > 0 && value <= max;
const ENDPOINTS = Object.keys(DEFAULT_PATHS).join(', ');

/** The key, `undefined` when none is given (`''` as an unset environment variable gives). */
function checkApiKey(apiKey: unknown): string | undefined {
  if (apiKey === undefined || apiKey === '') return undefined;
  // Checked here because fetch would reject such a key with an error that quotes it.
  if (!(typeof apiKey === 'string' && /^[\x21-\x7e]+$/.test(apiKey)))
    fail('apiKey must be a string of visible ASCII characters (no spaces or line breaks)');
  return apiKey;
}

/** The limits in milliseconds and bytes, each a positive number. */
function checkSizes(options: ApiProxyOptions) {
  const { timeoutMs = 15_000, bodyTimeoutMs = 10_000 } = options;
  const { maxBodyBytes = 256 * 1024, maxAnswerBytes = 4 * 1024 * 1024 } = options;
  if (!isPositive(timeoutMs, MAX_TIMER_MS))
    fail(`timeoutMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`);
  if (!isPositive(bodyTimeoutMs, MAX_TIMER_MS))
    fail(`bodyTimeoutMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`);
  if (!isPositive(maxBodyBytes)) fail('maxBodyBytes must be a positive number of bytes');
  if (!isPositive(maxAnswerBytes)) fail('maxAnswerBytes must be a positive number of bytes');
  return { timeoutMs, bodyTimeoutMs, maxBodyBytes, maxAnswerBytes };
}

function checkAllow(allow: unknown): Set<EndpointName> {
  if (allow === undefined) fail("allow is required: a preset ('form', 'desk') or a list of endpoint names");
  if (typeof allow === 'string') {
    if (!Object.hasOwn(PROXY_PRESETS, allow)) fail('allow: no such preset (form, desk)');
    return new Set(PROXY_PRESETS[allow as ProxyPreset]);
  }
  if (!Array.isArray(allow) || allow.length === 0)
    fail('allow must be a preset or a non-empty list of endpoint names');
  allow.forEach((name, index) => {
    if (typeof name !== 'string' || !Object.hasOwn(DEFAULT_PATHS, name))
      fail(`allow[${index}] is not an endpoint (${ENDPOINTS})`);
  });
  return new Set(allow as EndpointName[]);
}

function checkUpstream(upstream: unknown): string {
  if (typeof upstream !== 'string' || !URL.canParse(upstream))
    fail('upstream must be an absolute http(s) URL');
  const url = new URL(upstream);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('upstream must be an http or https URL');
  // fetch refuses such URLs with an error that quotes them; the key belongs in apiKey.
  if (url.username || url.password) fail('upstream must not hold credentials');
  if (url.search || url.hash) fail('upstream must not have a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function checkPaths(paths: unknown): Record<EndpointName, string> {
  if (typeof paths !== 'object' || paths === null) fail('paths must be an object of endpoint paths');
  for (const [name, path] of Object.entries(paths)) {
    if (!Object.hasOwn(DEFAULT_PATHS, name)) fail(`paths: a name is not an endpoint (${ENDPOINTS})`);
    if (typeof path !== 'string' || !/^\/[^?#\s]*[^/?#\s]$/.test(path)) {
      fail(`paths.${name} must be a path such as /api/v2/rpc/certificate/verify`);
    }
  }
  const all = { ...DEFAULT_PATHS, ...(paths as Partial<Record<EndpointName, string>>) };
  if (new Set(Object.values(all)).size !== Object.keys(all).length)
    fail('paths: two endpoints share one path');
  return all;
}

function checkForwardHeaders(names: unknown): string[] {
  if (!Array.isArray(names)) fail('forwardHeaders must be a list of header names');
  return names.map((name) => {
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) fail('forwardHeaders: not a header name');
    const lower = name.toLowerCase();
    if (UNFORWARDABLE.has(lower) || lower.startsWith('proxy-'))
      fail(
        'forwardHeaders: cookies, Authorization, Host, Proxy-* and hop-by-hop headers cannot be forwarded',
      );
    return lower;
  });
}

/** @internal Checks `options` once, at creation: a misconfigured proxy never starts. */
export function resolveProxyOptions(options: ApiProxyOptions): ProxySettings {
  if (typeof options !== 'object' || options === null) fail('options are required: { apiKey, allow }');
  const { authorize, fetch, log } = options;
  const apiKey = checkApiKey(options.apiKey);
  if (authorize !== undefined && typeof authorize !== 'function') fail('authorize must be a function');
  if (fetch !== undefined && typeof fetch !== 'function') fail('fetch must be a function');
  if (log !== undefined && typeof log !== 'function') fail('log must be a function');
  const sizes = checkSizes(options);
  const { timeoutMs } = sizes;
  const store = options.store ?? createMemoryStore();
  const idempotency = resolveIdempotency(options.idempotency, {
    store,
    timeoutMs,
    maxWaitMs: options.limits?.maxWaitMs,
  });
  return {
    apiKey,
    store,
    allowed: checkAllow(options.allow),
    upstream: checkUpstream(options.upstream ?? DEFAULT_UPSTREAM),
    paths: checkPaths(options.paths ?? {}),
    authorize,
    fetch: fetch ?? ((url, init) => globalThis.fetch(url, init)),
    ...sizes,
    forwardHeaders: checkForwardHeaders(options.forwardHeaders ?? []),
    log: log ?? (() => {}),
    idempotency,
  };
}

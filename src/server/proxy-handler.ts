import { type EndpointName, isWriteEndpoint } from '../client/endpoints.js';
import { envelopeResponse } from './envelope.js';
import { createHealthCheck } from './health.js';
import { createIdempotency } from './idempotency.js';
import { readIdempotencyKey } from './idempotency-key.js';
import type { Limits } from './limits-contract.js';
import type { ProxyLogEntry, ProxyOutcome } from './proxy-log.js';
import type { ProxySettings } from './proxy-options.js';
import { readBoundedBytes } from './read-bounded-bytes.js';
import { passOn } from './upstream-answer.js';

/**
 * A Web-standard handler: a Next.js route handler as is, Hono's `c.req.raw`, Bun, Deno, Node
 * through `@hono/node-server`.
 * @example app.all('/caoliao/*', (c) => proxy(c.req.raw)); // Hono
 */
export type ApiProxy = (request: Request) => Promise<Response>;

/** Request headers the browser may choose that go upstream, besides `forwardHeaders`. */
const PASSED_REQUEST_HEADERS = ['accept', 'accept-language'];

/** @internal What became of one call, and the answer the browser gets. */
export interface Outcome {
  outcome: ProxyOutcome;
  response: Response;
  upstreamStatus?: number;
  redacted?: boolean;
  idempotency?: ProxyLogEntry['idempotency'];
}

const refuse = (outcome: ProxyOutcome, status: number, detail?: string, errorCode?: number): Outcome => ({
  outcome,
  response: envelopeResponse(status, { detail, errorCode }),
});

const isJson = (contentType: string | null) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** The endpoint whose path ends `pathname`, the longest such path first. */
function endpointOf(
  pathname: string,
  paths: Readonly<Record<EndpointName, string>>,
): EndpointName | undefined {
  let found: EndpointName | undefined;
  for (const [name, path] of Object.entries(paths) as [EndpointName, string][]) {
    if (pathname.endsWith(path) && (found === undefined || path.length > paths[found].length)) found = name;
  }
  return found;
}

/** The request's body when it is one JSON object within `maxBytes`, else the refusal. */
async function readJsonBody(request: Request, maxBytes: number): Promise<string | Outcome> {
  if (!isJson(request.headers.get('content-type'))) {
    return refuse('invalid', 400, 'the body must be JSON (Content-Type: application/json)', 100301);
  }
  const tooLarge = refuse('invalid', 413, `the body must be at most ${maxBytes} bytes`, 100301);
  if (Number(request.headers.get('content-length')) > maxBytes) return tooLarge;
  const junk = refuse('invalid', 400, 'the body must be a JSON object', 100301);
  if (!request.body) return junk;
  let text: string;
  try {
    const bytes = await readBoundedBytes(request.body, maxBytes);
    if (!bytes) return tooLarge;
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return junk;
  } catch {
    return junk;
  }
  return text;
}

/**
 * @internal The proxy's flow for one call, with its limits given: where the endpoint is, whether it
 * is allowed and authorized, whether its body is a JSON object, the visitor's limit, the
 * organisation's budget, then upstream and back.
 *
 * @example
 * const proxy = createProxyHandler(resolveProxyOptions({ apiKey, allow: 'form' }), limits);
 */
export function createProxyHandler(settings: ProxySettings, limits: Limits): ApiProxy {
  const { allowed, paths, authorize, log } = settings;
  const health = createHealthCheck(settings.store);

  /** The headers of a call upstream: JSON, the key, and the browser's own when it is the browser's call. */
  function upstreamHeaders(request: Request | undefined): Headers {
    const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });
    for (const name of request ? [...PASSED_REQUEST_HEADERS, ...settings.forwardHeaders] : []) {
      const value = request?.headers.get(name);
      if (value !== null && value !== undefined) headers.set(name, value);
    }
    headers.set('Authorization', `Bearer ${settings.apiKey}`);
    return headers;
  }

  /** One call upstream, within the timeout, its answer read within `maxAnswerBytes`. */
  async function callUpstream(
    signal: AbortSignal | undefined,
    path: string,
    body: string,
    headers: Headers,
  ): Promise<{ status: number; headers: Headers; bytes: Uint8Array } | Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    const onGone = () => controller.abort();
    signal?.addEventListener('abort', onGone, { once: true });
    let upstreamStatus: number | undefined;
    try {
      const upstream = await settings.fetch(`${settings.upstream}${path}`, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        // A redirect would carry the key to wherever it points.
        redirect: 'manual',
      });
      upstreamStatus = upstream.status;
      await limits
        .learn(new Response(null, { status: upstream.status, headers: upstream.headers }))
        .catch(() => {});
      if (upstream.status < 200 || (upstream.status >= 300 && upstream.status < 400)) {
        upstream.body?.cancel().catch(() => {});
        return { ...refuse('upstream-invalid', 502, 'upstream redirected'), upstreamStatus };
      }
      const bytes = upstream.body
        ? await readBoundedBytes(upstream.body, settings.maxAnswerBytes)
        : new Uint8Array();
      if (!bytes) return { ...refuse('upstream-invalid', 502, 'upstream answer too large'), upstreamStatus };
      return { status: upstream.status, headers: upstream.headers, bytes };
    } catch {
      // Nothing of what fetch threw is kept: transports quote request headers in their errors.
      if (timedOut) return { ...refuse('upstream-timeout', 502, 'upstream timed out'), upstreamStatus };
      if (signal?.aborted) return { ...refuse('aborted', 502, 'the call was cancelled'), upstreamStatus };
      return { ...refuse('upstream-unreachable', 502, 'upstream unreachable'), upstreamStatus };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onGone);
    }
  }

  async function forward(request: Request, endpoint: EndpointName, body: string): Promise<Outcome> {
    const visitor = await limits.admitVisitor(request);
    if (visitor) return { outcome: 'limited', response: visitor };
    const budget = await limits.awaitUpstream(request.signal);
    if (budget) return { outcome: 'limited', response: budget };
    const answer = await callUpstream(request.signal, paths[endpoint], body, upstreamHeaders(request));
    if ('outcome' in answer) return answer;
    const { response, redacted } = passOn(answer.status, answer.headers, answer.bytes, settings.apiKey);
    return { outcome: 'forwarded', response, upstreamStatus: answer.status, redacted };
  }

  /** A page of records read for a lookup, within the budget: its `data`, or `undefined`. */
  const readRecords = (request: Request) => async (params: Record<string, unknown>) => {
    const budget = await limits.awaitUpstream(request.signal);
    if (budget) return undefined;
    const answer = await callUpstream(
      request.signal,
      paths.getRecords,
      JSON.stringify(params),
      upstreamHeaders(undefined),
    );
    if ('outcome' in answer || answer.status !== 200) return undefined;
    const envelope = JSON.parse(new TextDecoder().decode(answer.bytes)) as { code?: unknown; data?: unknown };
    return envelope?.code === 0 ? envelope.data : undefined;
  };

  const idempotency =
    settings.idempotency && createIdempotency(settings.idempotency, { write: forward, readRecords });

  async function handleCall(
    request: Request,
    pathname: string,
  ): Promise<[EndpointName | undefined, Outcome]> {
    const endpoint = endpointOf(pathname, paths);
    if (!endpoint) return [endpoint, refuse('invalid', 404, 'no such endpoint')];
    if (!allowed.has(endpoint)) return [endpoint, refuse('refused', 403, 'this endpoint is not served here')];
    if (request.method !== 'POST') {
      const outcome = refuse('invalid', 405, 'only POST is served');
      outcome.response.headers.set('Allow', 'POST');
      return [endpoint, outcome];
    }
    if (authorize) {
      let verdict: boolean | Response;
      try {
        verdict = await authorize(request, endpoint);
      } catch {
        return [endpoint, refuse('error', 500)];
      }
      if (verdict !== true) return [endpoint, refusal(verdict)];
    }
    const body = await readJsonBody(request, settings.maxBodyBytes);
    if (typeof body !== 'string') return [endpoint, body];
    const keyed = idempotency && isWriteEndpoint(endpoint) ? readIdempotencyKey(request.headers) : undefined;
    if (keyed && 'problem' in keyed) return [endpoint, refuse('invalid', 400, keyed.problem, 100301)];
    try {
      if (idempotency && keyed && isWriteEndpoint(endpoint))
        return [endpoint, await idempotency.handle(request, endpoint, body, keyed.key)];
      return [endpoint, await forward(request, endpoint, body)];
    } catch {
      // The store failed (Redis down …): nothing went upstream.
      return [endpoint, refuse('error', 500)];
    }
  }

  return async function proxy(request: Request): Promise<Response> {
    const started = performance.now();
    const { pathname } = new URL(request.url);
    if (pathname === '/health' || pathname.endsWith('/health')) return health(request.method);
    const [endpoint, { outcome, response, upstreamStatus, redacted, idempotency }] = await handleCall(
      request,
      pathname,
    );
    const entry: ProxyLogEntry = {
      method: request.method,
      ...(endpoint && { endpoint }),
      outcome,
      status: response.status,
      ...(upstreamStatus !== undefined && { upstreamStatus }),
      ...(redacted && { redacted: true as const }),
      ...(idempotency && { idempotency }),
      durationMs: Math.round(performance.now() - started),
    };
    try {
      log(entry);
    } catch {
      // A broken log must not break the call.
    }
    return response;
  };
}

/** The envelope of a refusal by `authorize`: a 401 stays a 401, every other refusal is a 403. */
function refusal(verdict: unknown): Outcome {
  const hostAnswer = verdict instanceof Response ? verdict : undefined;
  const status = hostAnswer?.status === 401 ? 401 : 403;
  const outcome = refuse('refused', status, status === 401 ? 'sign-in required' : 'not authorized');
  const challenge = hostAnswer?.headers.get('www-authenticate');
  if (challenge) outcome.response.headers.set('WWW-Authenticate', challenge);
  hostAnswer?.body?.cancel().catch(() => {});
  return outcome;
}

import { type EndpointName, isWriteEndpoint } from '../client/endpoints.js';
import { authorizeCall } from './authorize-step.js';
import { createHealthCheck } from './health.js';
import { createIdempotency } from './idempotency.js';
import { readIdempotencyKey } from './idempotency-key.js';
import type { Limits } from './limits-contract.js';
import { notConfigured, notConfiguredHealth } from './not-configured.js';
import { type Outcome, outcomeOfThrow, refuse } from './outcome.js';
import type { ProxyLogEntry } from './proxy-log.js';
import type { ProxySettings } from './proxy-options.js';
import { readJsonBody } from './request-body.js';
import { stampRequestId } from './request-id.js';
import { createUpstreamCall } from './upstream-call.js';

// The idempotency layer reads its outcomes' type from here.
export type { Outcome } from './outcome.js';

/**
 * A Web-standard handler: a Next.js route handler as is, Hono's `c.req.raw`, Bun, Deno, Node
 * through `@hono/node-server`.
 * @example app.all('/caoliao/*', (c) => proxy(c.req.raw)); // Hono
 */
export type ApiProxy = (request: Request) => Promise<Response>;

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

/**
 * The flow of one call to a known endpoint, in order: allowed, a POST, authorized, within the
 * visitor's limit (before anything that can reach upstream, the idempotency layer's look-ups,
 * replays and waits included), a body the proxy can handle, then the idempotency layer for a keyed
 * write, else upstream within the organisation's budget.
 */
function createCallFlow(settings: ProxySettings, apiKey: string, limits: Limits) {
  const upstream = createUpstreamCall(settings, apiKey, limits);
  const idempotency =
    settings.idempotency &&
    createIdempotency(settings.idempotency, { write: upstream.send, readRecords: upstream.readRecords });

  return async function serveCall(request: Request, endpoint: EndpointName): Promise<Outcome> {
    if (!settings.allowed.has(endpoint)) return refuse('refused', 403, 'this endpoint is not served here');
    if (request.method !== 'POST') {
      const outcome = refuse('invalid', 405, 'only POST is served');
      outcome.response.headers.set('Allow', 'POST');
      return outcome;
    }
    const verdict = await authorizeCall(settings.authorize, request, endpoint);
    if ('outcome' in verdict) return verdict;
    const visitor = await limits.admitVisitor(request);
    if (visitor) return { outcome: 'limited', response: visitor, detail: 'visitor limit' };
    const body = await readJsonBody(request, {
      maxBytes: settings.maxBodyBytes,
      timeoutMs: settings.bodyTimeoutMs,
    });
    if (typeof body !== 'string') return body;
    if (!idempotency || !isWriteEndpoint(endpoint)) return upstream.send(request, endpoint, body);
    const keyed = readIdempotencyKey(request.headers);
    if (!keyed) return upstream.send(request, endpoint, body);
    if ('problem' in keyed) return refuse('invalid', 400, keyed.problem, 100301);
    return idempotency.handle(request, endpoint, body, keyed.key, verdict.scope);
  };
}

/**
 * @internal The proxy: the health check, then the flow of one call; every answer gets its
 * `X-Request-Id`, and each call one log entry with the same id. Nothing it runs can make it throw:
 * a store that is unavailable is a 503 envelope with `Retry-After`, anything else a 500 envelope.
 *
 * @example
 * const proxy = createProxyHandler(resolveProxyOptions({ apiKey, allow: 'form' }), limits);
 */
export function createProxyHandler(settings: ProxySettings, limits: Limits): ApiProxy {
  const health = createHealthCheck(settings.store);
  const serveCall =
    settings.apiKey === undefined ? undefined : createCallFlow(settings, settings.apiKey, limits);

  return async function proxy(request: Request): Promise<Response> {
    const started = performance.now();
    const { pathname } = new URL(request.url);
    if (pathname === '/health' || pathname.endsWith('/health')) {
      let answer: Response;
      try {
        answer = serveCall ? await health(request.method) : notConfiguredHealth(request.method);
      } catch (thrown) {
        answer = outcomeOfThrow(thrown).response;
      }
      stampRequestId(answer);
      return answer;
    }
    const endpoint = endpointOf(pathname, settings.paths);
    let outcome: Outcome;
    try {
      if (!serveCall) outcome = notConfigured();
      else if (!endpoint) outcome = refuse('invalid', 404, 'no such endpoint');
      else outcome = await serveCall(request, endpoint);
    } catch (thrown) {
      outcome = outcomeOfThrow(thrown);
    }
    const requestId = stampRequestId(outcome.response);
    if (!outcome.unlogged) log(settings, entryOf(request, endpoint, outcome, requestId, started));
    return outcome.response;
  };
}

function entryOf(
  request: Request,
  endpoint: EndpointName | undefined,
  { outcome, response, upstreamStatus, redacted, idempotency, failed, detail }: Outcome,
  requestId: string,
  started: number,
): ProxyLogEntry {
  return {
    requestId,
    method: request.method,
    ...(endpoint && { endpoint }),
    outcome,
    status: response.status,
    ...(upstreamStatus !== undefined && { upstreamStatus }),
    ...(redacted && { redacted: true as const }),
    ...(idempotency && { idempotency }),
    ...(failed && { failed }),
    ...(detail !== undefined && { detail }),
    durationMs: Math.round(performance.now() - started),
  };
}

function log(settings: ProxySettings, entry: ProxyLogEntry) {
  try {
    settings.log(entry);
  } catch {
    // A broken log must not break the call.
  }
}

import type { EndpointName } from '../client/endpoints.js';
import type { Limits } from './limits-contract.js';
import { type Outcome, refuse } from './outcome.js';
import type { ProxySettings } from './proxy-options.js';
import { readBoundedBytes } from './read-bounded-bytes.js';
import type { ReadRecords } from './record-lookup.js';
import { passOn } from './upstream-answer.js';

/** Request headers the browser may choose that go upstream, besides `forwardHeaders`. */
const PASSED_REQUEST_HEADERS = ['accept', 'accept-language'];

type UpstreamAnswer = { status: number; headers: Headers; bytes: Uint8Array };

/**
 * @internal The proxy's calls upstream with `apiKey`, each within the organisation's budget:
 * `send` (a call of the browser's, its answer passed on) and `readRecords` (a page of records for
 * the idempotency layer's look-up). The visitor limit is the handler's, checked before either.
 *
 * @example
 * const upstream = createUpstreamCall(settings, apiKey, limits);
 * const outcome = await upstream.send(request, 'getTemplate', '{"tpl_id":1}');
 */
export function createUpstreamCall(settings: ProxySettings, apiKey: string, limits: Limits) {
  /** The headers of a call upstream: JSON, the key, and the browser's own when it is the browser's call. */
  function headersFor(request: Request | undefined): Headers {
    const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });
    for (const name of request ? [...PASSED_REQUEST_HEADERS, ...settings.forwardHeaders] : []) {
      const value = request?.headers.get(name);
      if (value !== null && value !== undefined) headers.set(name, value);
    }
    headers.set('Authorization', `Bearer ${apiKey}`);
    return headers;
  }

  /** One call upstream, within the timeout, its answer read within `maxAnswerBytes`. */
  async function call(
    signal: AbortSignal | undefined,
    path: string,
    body: string,
    headers: Headers,
  ): Promise<UpstreamAnswer | Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    const onGone = () => controller.abort();
    signal?.addEventListener('abort', onGone, { once: true });
    let upstreamStatus: number | undefined;
    const sentAt = Date.now();
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
        .learn(new Response(null, { status: upstream.status, headers: upstream.headers }), sentAt)
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

  /** The browser's call: the budget, upstream, and its answer passed on. */
  async function send(request: Request, endpoint: EndpointName, body: string): Promise<Outcome> {
    const budget = await limits.awaitUpstream(request.signal);
    if (budget) return { outcome: 'limited', response: budget };
    const answer = await call(request.signal, settings.paths[endpoint], body, headersFor(request));
    if ('outcome' in answer) return answer;
    const { response, redacted } = passOn(answer.status, answer.headers, answer.bytes, apiKey);
    return { outcome: 'forwarded', response, upstreamStatus: answer.status, redacted };
  }

  /** A page of records read for a look-up, within the budget: its `data`, or `undefined`. */
  const readRecords =
    (request: Request): ReadRecords =>
    async (params) => {
      const budget = await limits.awaitUpstream(request.signal);
      if (budget) return undefined;
      const answer = await call(
        request.signal,
        settings.paths.getRecords,
        JSON.stringify(params),
        headersFor(undefined),
      );
      if ('outcome' in answer || answer.status !== 200) return undefined;
      const envelope = JSON.parse(new TextDecoder().decode(answer.bytes)) as {
        code?: unknown;
        data?: unknown;
      };
      return envelope?.code === 0 ? envelope.data : undefined;
    };

  return { send, readRecords };
}

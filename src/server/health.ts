import { envelopeResponse, jsonResponse } from './envelope.js';
import type { ProxyStore } from './proxy-store.js';
import { StoreUnavailableError } from './store-unavailable.js';

/** The key read by the probe of a store without `ping`. */
const PROBE_KEY = 'health-probe';

/**
 * @internal The proxy's health check at `…/health`: `GET` or `HEAD`, never sent upstream. It asks
 * the store to answer (within the store's deadline, when the proxy gave it one): a 200
 * `{ "ok": true }`, or a 503 `{ "ok": false, "down": ["store"] }` with `Retry-After`.
 * @example const health = createHealthCheck(store); const answer = await health('GET');
 */
export function createHealthCheck(store: ProxyStore): (method: string) => Promise<Response> {
  const probe = async () => {
    if (store.ping) await store.ping();
    else await store.get(PROBE_KEY);
  };
  return async (method) => {
    if (method !== 'GET' && method !== 'HEAD') {
      const answer = envelopeResponse(405, { detail: 'the health check answers GET' });
      answer.headers.set('Allow', 'GET, HEAD');
      return answer;
    }
    try {
      await probe();
    } catch (error) {
      const seconds = error instanceof StoreUnavailableError ? error.retryAfterSeconds : 5;
      const answer = jsonResponse(
        503,
        method === 'HEAD' ? null : JSON.stringify({ ok: false, down: ['store'] }),
      );
      answer.headers.set('Retry-After', String(seconds));
      return answer;
    }
    return jsonResponse(200, method === 'HEAD' ? null : JSON.stringify({ ok: true }));
  };
}

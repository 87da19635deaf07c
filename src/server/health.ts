import { envelopeResponse, jsonResponse } from './envelope.js';
import type { ProxyStore } from './proxy-store.js';

/**
 * @internal The proxy's health check at `…/health`: `GET` or `HEAD`, never sent upstream.
 * @example const health = createHealthCheck(store); const answer = await health('GET');
 */
export function createHealthCheck(_store: ProxyStore): (method: string) => Promise<Response> {
  return async (method) => {
    if (method !== 'GET' && method !== 'HEAD') {
      const answer = envelopeResponse(405, { detail: 'the health check answers GET' });
      answer.headers.set('Allow', 'GET, HEAD');
      return answer;
    }
    return jsonResponse(200, method === 'HEAD' ? null : JSON.stringify({ ok: true }));
  };
}

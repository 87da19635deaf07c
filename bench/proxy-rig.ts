import { send, startTestServer, tokenBucket } from '../test/support/test-server.js';

/** The path the browser client calls for `getTemplate`, under the proxy's `/caoliao` prefix. */
export const TEMPLATE_PATH = '/api/v2/rpc/forms/getTemplate';

/** The API on loopback, answering `{ code: 0, data }` at once. */
export const instantUpstream = () =>
  startTestServer((_, response) => send(response, 200, { code: 0, data: { tpl_id: 1, title: 'bench' } }));

/** The API behind a token bucket of `capacity`, refilled `capacity` a second: 429 + Retry-After when empty. */
export async function budgetedUpstream(capacity: number) {
  const bucket = tokenBucket(capacity, capacity);
  let tooMany = 0;
  const server = await startTestServer((_, response) => {
    const taken = bucket.take();
    if (taken.ok) return send(response, 200, { code: 0, data: { tpl_id: 1 } });
    tooMany += 1;
    return send(
      response,
      429,
      { code: 429, message: 'Too many requests' },
      { 'Retry-After': String(taken.retryAfterSeconds) },
    );
  });
  return { ...server, tooMany: () => tooMany };
}

/** One `getTemplate` call as the browser client sends it, timed to the end of the answer's body. */
export async function timedCall(baseUrl: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${TEMPLATE_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{"tpl_id":1}',
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** The value below which `share` of `sorted` (ascending) lies, nearest rank. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

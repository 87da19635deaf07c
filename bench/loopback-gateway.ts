import { send, startTestServer, tokenBucket } from '../test/support/test-server.js';
import type { StormGateway } from './storm.js';

/**
 * A real `node:http` server on 127.0.0.1 in front of a 5-token bucket refilled 5/s: the bucket
 * decides when a request arrives, and the answer leaves 20–50 ms later (uniformly random), so the
 * client learns of each 429 only after it may have sent more.
 */
export async function startLoopbackGateway(): Promise<StormGateway & { close: () => Promise<void> }> {
  const bucket = tokenBucket(5, 5);
  const statuses: number[] = [];
  const server = await startTestServer(async (request, response) => {
    const taken = bucket.take();
    statuses.push(taken.ok ? 200 : 429);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    if (taken.ok) {
      const { tpl_id } = JSON.parse(request.body) as { tpl_id: number };
      send(response, 200, { code: 0, message: 'ok', data: { tpl_id } });
    } else {
      send(
        response,
        429,
        { code: 429, message: 'Too many requests' },
        { 'Retry-After': String(taken.retryAfterSeconds) },
      );
    }
  });
  return { baseUrl: server.url, statuses, close: server.close };
}

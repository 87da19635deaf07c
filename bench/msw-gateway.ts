import { http } from 'msw';
import type { SetupServer } from 'msw/node';
import { fail, ok } from '../test/support/msw.js';
import { tokenBucket } from '../test/support/test-server.js';
import { type StormGateway, TEMPLATE_PATH } from './storm.js';

const BASE_URL = 'https://open.cli.im';

/**
 * The storm's gateway as an MSW handler: a 5-token bucket refilled 5/s, answering at once (no
 * latency), in whatever time `Date` keeps — virtual under fake timers. A fresh bucket per call.
 */
export function mswGateway(server: SetupServer): StormGateway {
  const bucket = tokenBucket(5, 5);
  const statuses: number[] = [];
  server.use(
    http.post(`${BASE_URL}${TEMPLATE_PATH}`, async ({ request }) => {
      const { tpl_id } = (await request.json()) as { tpl_id: number };
      const taken = bucket.take();
      statuses.push(taken.ok ? 200 : 429);
      if (taken.ok) return ok({ tpl_id });
      return fail(
        429,
        { code: 429, message: 'Too many requests' },
        { 'Retry-After': String(taken.retryAfterSeconds) },
      );
    }),
  );
  return { baseUrl: BASE_URL, statuses };
}

import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { ApiError } from '../../src/core/index.js';
import { callRetrying429 } from '../support/call-retrying-429.js';
import { mostInOneSecond } from '../support/most-in-one-second.js';
import { setUpFleet, startProcess } from './fixtures/processes.js';

// Issue #12, point 7: 3 proxy processes in front of one upstream with a 5/s budget, 100 browsers
// making 300 calls. Real processes, real sockets, real time: one to two minutes per run (the
// learned budget is three quarters of the upstream's rate, and less when a loaded machine spread
// the first burst thin), so the timeout is generous: how long is not what this proves.
const BROWSERS = 100;
const CALLS_PER_BROWSER = 3;
const BUDGET = 5;

const fleet = setUpFleet();

interface UpstreamAnswer {
  at: number;
  status: number;
}

/** A proxy's call upstream: when it left and was answered, the status and Retry-After (seconds). */
interface Departure {
  departure: number;
  answered: number;
  status?: number;
  retryAfter: number;
}

interface Run {
  upstream: UpstreamAnswer[];
  /** The proxies' calls upstream. */
  sent: Departure[];
  served: number;
  /** Why each call a browser gave up on failed. */
  failures: string[];
  /** Every 429 a browser received: whether it had a Retry-After, and whether the browser waited it out. */
  tooMany: { hadRetryAfter: boolean; honoured?: boolean }[];
}

async function run({ store, budget }: { store: 'redis' | 'memory'; budget?: number }): Promise<Run> {
  // The API behind a token bucket of 5, refilled 5 a second (429 + Retry-After when empty).
  const upstream = await startProcess<UpstreamAnswer>('upstream-process', { BUDGET: String(BUDGET) });
  const proxies = await Promise.all(
    [0, 1, 2].map(() =>
      startProcess<Departure>('proxy-process', {
        UPSTREAM: upstream.address,
        REDIS_PORT: String(fleet.redisPort()),
        STORE: store,
        // Runs side by side on one Redis: each deployment its own keys.
        KEY_PREFIX: `run-${store}-${budget ?? 'learned'}`,
        RPS: budget ? String(budget) : '',
        ALLOW: 'getTemplate',
        // A store call that is only slow on a loaded machine must not count as an outage here
        // (each instance would then pace alone): the store's deadline is not what this run proves.
        STORE_TIMEOUT_MS: '2000',
      }),
    ),
  );
  const tooMany: Run['tooMany'] = [];
  let served = 0;
  const failures: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: BROWSERS }, async (_, index) => {
        const proxy = proxies[index % proxies.length] as (typeof proxies)[number];
        // The browser's view of the wire: each 429, and whether its next request waited it out.
        let last: { hadRetryAfter: boolean; honoured?: boolean } | undefined;
        let notBefore = 0;
        const client = createApiClient({
          baseUrl: `${proxy.address}/caoliao`,
          fetch: async (url, init) => {
            if (last && last.honoured === undefined) last.honoured = Date.now() >= notBefore - 5;
            const response = await fetch(url, init);
            if (response.status === 429) {
              const seconds = Number(response.headers.get('retry-after'));
              last = { hadRetryAfter: seconds > 0 };
              tooMany.push(last);
              notBefore = Date.now() + seconds * 1000;
            }
            return response;
          },
        });
        for (let call = 0; call < CALLS_PER_BROWSER; call += 1) {
          const { served: ok, gaveUpOn } = await callRetrying429(() => client.getTemplate({ tpl_id: 1 }));
          if (ok) served += 1;
          else
            failures.push(
              gaveUpOn instanceof ApiError ? `${gaveUpOn.kind} ${gaveUpOn.status}` : String(gaveUpOn),
            );
        }
      }),
    );
  } finally {
    await Promise.all([...proxies, upstream].map((child) => child.stop()));
  }
  const sent = proxies.flatMap((proxy) => proxy.lines);
  return { upstream: upstream.lines, sent, served, failures, tooMany };
}

// The two runs at once: each has its own upstream and its own keys on the shared Redis.
describe.concurrent('3 proxy instances on one Redis, 100 browsers, 300 calls, an upstream budget of 5/s', () => {
  it('with the budget configured: never more than 5 sent in a second, no upstream 429, every browser served', async () => {
    const result = await run({ store: 'redis', budget: BUDGET });
    expect(result).toMatchObject({ served: BROWSERS * CALLS_PER_BROWSER, failures: [] });
    expect(result.upstream.filter(({ status }) => status === 429)).toHaveLength(0);
    expect(result.sent).toHaveLength(BROWSERS * CALLS_PER_BROWSER);
    expect(mostInOneSecond(result.sent.map(({ departure }) => departure))).toBeLessThanOrEqual(BUDGET);
    for (const answer of result.tooMany) expect(answer).toEqual({ hadRetryAfter: true, honoured: true });
  }, 240_000);

  it('without it: only the first burst’s upstream 429s, then the learned budget paces them; every browser served', async () => {
    const result = await run({ store: 'redis' });
    expect(result).toMatchObject({ served: BROWSERS * CALLS_PER_BROWSER, failures: [] });
    // The first burst is every call that left before the fleet knew of the upstream's limit: on
    // a loaded machine its answers come back over seconds, so it is told apart by when each call
    // left, not when its answer came. A call that leaves once the first 429's Retry-After is over
    // is paced by the learned budget, and meets no 429.
    const refused = result.sent.filter(({ status }) => status === 429);
    expect(refused.length).toBeGreaterThan(0);
    const paced = Math.min(...refused.map(({ answered, retryAfter }) => answered + retryAfter * 1000));
    expect(refused.filter(({ departure }) => departure >= paced)).toEqual([]);
    for (const answer of result.tooMany) expect(answer).toEqual({ hadRetryAfter: true, honoured: true });
  }, 240_000);
});

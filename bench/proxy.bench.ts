// @vitest-environment node
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createApiClient } from '../src/client/index.js';
import { ApiError, getRetryAt } from '../src/core/index.js';
import {
  createApiProxy,
  createMemoryStore,
  createRedisStore,
  type ProxyLogEntry,
  type ProxyStore,
} from '../src/server/index.js';
import { startRedisServer, type TestRedis } from '../test/support/redis-server.js';
import { budgetedUpstream, instantUpstream, listen, percentile, timedCall } from './proxy-rig.js';
import { recordResults, table } from './report.js';

// Issue #12, point 9. Everything in this one Node process: the load, the proxy and the upstream
// share its event loop and the machine's 2 cores, so the figures are an upper bound on the cost.
const API_KEY = 'sk_bench_proxy';
const LATENCY_CALLS = 500;
const WARM_UP_CALLS = 50;
const CALLERS = 20;
const LOAD_SECONDS = 3;
const BUDGET = 5;
const INSTANCES = 3;
const BROWSERS = 60;
const CALLS = 120;

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

const stores: { store: string; create: () => ProxyStore }[] = [
  { store: 'memory', create: () => createMemoryStore() },
  { store: 'Redis', create: () => createRedisStore(redis.connect()) },
];

/** The proxy in front of `upstream`, on a port of its own; `limits` as given. */
async function proxyFor(
  upstream: string,
  store: ProxyStore,
  limits: Parameters<typeof createApiProxy>[0]['limits'],
  log?: (entry: ProxyLogEntry) => void,
) {
  const server = await listen(
    createApiProxy({ apiKey: API_KEY, allow: ['getTemplate'], upstream, store, limits, log }),
  );
  return { ...server, url: `${server.url}/caoliao` };
}

async function sequentialCalls(baseUrl: string) {
  for (let call = 0; call < WARM_UP_CALLS; call += 1) await timedCall(baseUrl);
  const times: number[] = [];
  let failed = 0;
  for (let call = 0; call < LATENCY_CALLS; call += 1) {
    const { ms, status } = await timedCall(baseUrl);
    times.push(ms);
    if (status !== 200) failed += 1;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), failed };
}

async function requestsPerSecond(baseUrl: string) {
  const until = performance.now() + LOAD_SECONDS * 1000;
  let ok = 0;
  let other = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < until) {
        if ((await timedCall(baseUrl)).status === 200) ok += 1;
        else other += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ok, other, perSecond: ok / seconds };
}

const ms = (value: number) => value.toFixed(2);

describe('bench', () => {
  it('the proxy: added latency and one instance’s requests per second', async () => {
    const upstream = await instantUpstream();
    const latency = [];
    const throughput = [];
    try {
      const direct = await sequentialCalls(upstream.url);
      latency.push({
        path: 'upstream directly',
        'p50 (ms)': ms(direct.p50),
        'p99 (ms)': ms(direct.p99),
        'added p50 (ms)': '–',
        'added p99 (ms)': '–',
        'non-200': direct.failed,
      });
      for (const { store, create } of stores) {
        // A visitor limit that never refuses, so that its count is paid for on every call.
        const proxy = await proxyFor(upstream.url, create(), {
          perVisitor: { points: 1_000_000, duration: 60 },
        });
        const through = await sequentialCalls(proxy.url);
        await proxy.close();
        latency.push({
          path: `through the proxy, ${store} store`,
          'p50 (ms)': ms(through.p50),
          'p99 (ms)': ms(through.p99),
          'added p50 (ms)': ms(through.p50 - direct.p50),
          'added p99 (ms)': ms(through.p99 - direct.p99),
          'non-200': through.failed,
        });
      }

      const alone = await requestsPerSecond(upstream.url);
      throughput.push({
        path: 'upstream directly',
        'requests/s': alone.perSecond.toFixed(0),
        '200 answers': alone.ok,
        'other answers': alone.other,
      });
      for (const { store, create } of stores) {
        const proxy = await proxyFor(upstream.url, create(), { perVisitor: false });
        const load = await requestsPerSecond(proxy.url);
        await proxy.close();
        throughput.push({
          path: `one proxy instance, ${store} store`,
          'requests/s': load.perSecond.toFixed(0),
          '200 answers': load.ok,
          'other answers': load.other,
        });
      }
    } finally {
      await upstream.close();
    }
    recordResults({ proxyLatency: latency, proxyThroughput: throughput });
    table(
      `The proxy's added latency: ${LATENCY_CALLS} sequential getTemplate calls (after ${WARM_UP_CALLS} not counted), one run`,
      latency,
    );
    table(
      `One instance's requests per second: ${CALLERS} concurrent callers for ${LOAD_SECONDS} s, perVisitor: false, no budget`,
      throughput,
    );
  });

  it('3 instances, an upstream budget of 5/s, 60 browsers, 120 calls: memory stores against one Redis', async () => {
    const rows = [];
    for (const { store } of stores) {
      const shared = store === 'Redis' ? createRedisStore(redis.connect()) : undefined;
      const upstream = await budgetedUpstream(BUDGET);
      const outcomes = new Map<string, number>();
      const log = ({ outcome }: ProxyLogEntry) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      const proxies = await Promise.all(
        Array.from({ length: INSTANCES }, () =>
          proxyFor(
            upstream.url,
            shared ?? createMemoryStore(),
            { perVisitor: false, requestsPerSecond: BUDGET },
            log,
          ),
        ),
      );
      let served = 0;
      let failed = 0;
      let browser429s = 0;
      const started = performance.now();
      try {
        await Promise.all(
          Array.from({ length: BROWSERS }, async (_, index) => {
            const client = createApiClient({
              baseUrl: (proxies[index % INSTANCES] as (typeof proxies)[number]).url,
            });
            for (let call = 0; call < CALLS / BROWSERS; call += 1) {
              for (let attempt = 0; ; attempt += 1) {
                try {
                  await client.getTemplate({ tpl_id: 1 });
                  served += 1;
                  break;
                } catch (error) {
                  if (!(error instanceof ApiError) || error.code !== 429 || attempt > 50) {
                    failed += 1;
                    break;
                  }
                  browser429s += 1;
                  // What React Query's retry does with apiRetryDelay: wait for the moment the gate opens.
                  const retryAt = getRetryAt(error) ?? 0;
                  await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt - Date.now())));
                }
              }
            }
          }),
        );
      } finally {
        await Promise.all(proxies.map((proxy) => proxy.close()));
        await upstream.close();
      }
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        store: store === 'Redis' ? 'one Redis store, shared' : 'a memory store each',
        'upstream requests': upstream.requests.length,
        'upstream 429s': upstream.tooMany(),
        'local 429s (proxy)': outcomes.get('limited') ?? 0,
        '429s the browsers saw': browser429s,
        served: `${served} of ${CALLS}`,
        failed,
        'all served at (s)': seconds.toFixed(2),
      });
    }
    recordResults({ proxyInstances: rows });
    table(
      `${INSTANCES} proxy instances in one process, requestsPerSecond: ${BUDGET} each, an upstream bucket of ${BUDGET} refilled ${BUDGET}/s, ${BROWSERS} browser clients making ${CALLS} calls (retrying 429s), one run each`,
      rows,
    );
  });
});

// @vitest-environment node
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createApiClient } from '../src/client/index.js';
import {
  createApiProxy,
  createMemoryStore,
  createRedisStore,
  type ProxyLogEntry,
  type ProxyStore,
} from '../src/server/index.js';
import { callRetrying429 } from '../test/support/call-retrying-429.js';
import { mostInOneSecond } from '../test/support/most-in-one-second.js';
import { startRedisServer, type TestRedis } from '../test/support/redis-server.js';
import { serveHandler } from '../test/support/serve-handler.js';
import { budgetedUpstream, instantUpstream, percentile, timedCall } from './proxy-rig.js';
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
  const server = await serveHandler(
    createApiProxy({ apiKey: API_KEY, allow: ['getTemplate'], upstream, store, limits, log }),
  );
  return { ...server, url: `${server.url}/caoliao` };
}

/**
 * `LATENCY_CALLS` sequential calls to each base URL, taken in turn (one to each, then the next
 * round), so that whatever else the machine does at a moment weighs on every path alike.
 */
async function sequentialCalls(baseUrls: string[]) {
  for (let call = 0; call < WARM_UP_CALLS; call += 1) {
    for (const baseUrl of baseUrls) await timedCall(baseUrl);
  }
  const times = baseUrls.map((): number[] => []);
  const failed = baseUrls.map(() => 0);
  for (let call = 0; call < LATENCY_CALLS; call += 1) {
    for (const [index, baseUrl] of baseUrls.entries()) {
      const { ms, status } = await timedCall(baseUrl);
      times[index]?.push(ms);
      if (status !== 200) failed[index] = (failed[index] ?? 0) + 1;
    }
  }
  return times.map((each, index) => {
    each.sort((a, b) => a - b);
    return { p50: percentile(each, 0.5), p99: percentile(each, 0.99), failed: failed[index] ?? 0 };
  });
}

/** `CALLERS` callers calling `baseUrl` back to back for `ms`. */
async function loadFor(baseUrl: string, ms: number) {
  const started = performance.now();
  let ok = 0;
  let other = 0;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < started + ms) {
        if ((await timedCall(baseUrl)).status === 200) ok += 1;
        else other += 1;
      }
    }),
  );
  return { ok, other, ms: performance.now() - started };
}

/**
 * Requests per second of each base URL under `CALLERS` callers for `LOAD_SECONDS` in all, one
 * second at a time and the base URLs in turn, as `sequentialCalls` does.
 */
async function requestsPerSecond(baseUrls: string[]) {
  const totals = baseUrls.map(() => ({ ok: 0, other: 0, ms: 0 }));
  for (let second = 0; second < LOAD_SECONDS; second += 1) {
    for (const [index, baseUrl] of baseUrls.entries()) {
      const slice = await loadFor(baseUrl, 1000);
      const total = totals[index] as (typeof totals)[number];
      total.ok += slice.ok;
      total.other += slice.other;
      total.ms += slice.ms;
    }
  }
  return totals.map(({ ok, other, ms }) => ({ ok, other, perSecond: ok / (ms / 1000) }));
}

/** The most of `times` (ms since the epoch) in one second of the clock. */
const ms = (value: number) => value.toFixed(2);
/** Other work on the machine moves every figure here: each table says how busy it was. */
const load = () => loadavg()[0]?.toFixed(2);

describe('bench', () => {
  it('the proxy: added latency and one instance’s requests per second', async () => {
    const loadAtStart = load();
    const upstream = await instantUpstream();
    const latency = [];
    const throughput = [];
    try {
      // A visitor limit that never refuses, so that its count is paid for on every call.
      const proxies = await Promise.all(
        stores.map(({ create }) =>
          proxyFor(upstream.url, create(), { perVisitor: { points: 1_000_000, duration: 60 } }),
        ),
      );
      const [direct, ...through] = await sequentialCalls([upstream.url, ...proxies.map(({ url }) => url)]);
      await Promise.all(proxies.map((proxy) => proxy.close()));
      if (!direct) throw new Error('no direct calls');
      latency.push({
        path: 'upstream directly',
        'p50 (ms)': ms(direct.p50),
        'p99 (ms)': ms(direct.p99),
        'added p50 (ms)': '–',
        'added p99 (ms)': '–',
        'non-200': direct.failed,
      });
      for (const [index, { store }] of stores.entries()) {
        const figures = through[index];
        if (!figures) continue;
        latency.push({
          path: `through the proxy, ${store} store`,
          'p50 (ms)': ms(figures.p50),
          'p99 (ms)': ms(figures.p99),
          'added p50 (ms)': ms(figures.p50 - direct.p50),
          'added p99 (ms)': ms(figures.p99 - direct.p99),
          'non-200': figures.failed,
        });
      }

      const instances = await Promise.all(
        stores.map(({ create }) => proxyFor(upstream.url, create(), { perVisitor: false })),
      );
      const loads = await requestsPerSecond([upstream.url, ...instances.map(({ url }) => url)]);
      await Promise.all(instances.map((proxy) => proxy.close()));
      const paths = ['upstream directly', ...stores.map(({ store }) => `one proxy instance, ${store} store`)];
      for (const [index, path] of paths.entries()) {
        const figures = loads[index];
        if (!figures) continue;
        throughput.push({
          path,
          'requests/s': figures.perSecond.toFixed(0),
          '200 answers': figures.ok,
          'other answers': figures.other,
        });
      }
    } finally {
      await upstream.close();
    }
    recordResults({ proxyLatency: latency, proxyThroughput: throughput });
    console.log(`\nLoad average of the machine (1 min) at the start: ${loadAtStart}; at the end: ${load()}.`);
    table(
      `The proxy's added latency: ${LATENCY_CALLS} sequential getTemplate calls per path, the three paths in turn (after ${WARM_UP_CALLS} rounds not counted), one run`,
      latency,
    );
    table(
      `One instance's requests per second: ${CALLERS} concurrent callers for ${LOAD_SECONDS} s per path (1 s at a time, the paths in turn), perVisitor: false, no budget`,
      throughput,
    );
  });

  it('3 instances, an upstream budget of 5/s, 60 browsers, 120 calls: memory stores against one Redis', async () => {
    const loadAtStart = load();
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
              const { served: ok, tooMany } = await callRetrying429(() => client.getTemplate({ tpl_id: 1 }));
              if (ok) served += 1;
              else failed += 1;
              browser429s += tooMany;
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
        'most upstream requests in a second of the clock': mostInOneSecond(
          upstream.requests.map(({ at }) => at),
        ),
        'local 429s (proxy)': outcomes.get('limited') ?? 0,
        '429s the browsers saw': browser429s,
        served: `${served} of ${CALLS}`,
        failed,
        'all served at (s)': seconds.toFixed(2),
      });
    }
    recordResults({ proxyInstances: rows });
    console.log(`\nLoad average of the machine (1 min) at the start: ${loadAtStart}; at the end: ${load()}.`);
    table(
      `${INSTANCES} proxy instances in one process, requestsPerSecond: ${BUDGET} each, an upstream bucket of ${BUDGET} refilled ${BUDGET}/s, ${BROWSERS} browser clients making ${CALLS} calls (retrying 429s), one run each`,
      rows,
    );
  });
});

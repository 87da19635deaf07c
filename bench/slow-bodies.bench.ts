// @vitest-environment node
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { describe, it } from 'vitest';
import { createApiProxy } from '../src/server/index.js';
import { serveHandler } from '../test/support/serve-handler.js';
import { instantUpstream, percentile, TEMPLATE_PATH, timedCall } from './proxy-rig.js';
import { recordResults, table } from './report.js';

// Issue #18, point 6: 500 connections each sending its body a byte a second, and the other
// visitors' calls meanwhile. Everything in this one Node process (the drippers, the callers, the
// proxy and the upstream share one event loop), so the figures are an upper bound on the cost.
const DRIPPERS = 500;
const CALLS = 500;
const BODY_TIMEOUT_MS = 10_000; // the default, written out
const SETTLE_MS = 1_000;

/** One connection that sends its headers, then one byte of its 1 000-byte body a second. */
function drip(port: number) {
  const started = performance.now();
  let answer = '';
  let onConnected = () => {};
  const connected = new Promise<void>((resolve) => {
    onConnected = resolve;
  });
  const socket: Socket = connect(port, '127.0.0.1', () => {
    socket.write(
      `POST /caoliao${TEMPLATE_PATH} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
    );
    onConnected();
  });
  const timer = setInterval(() => socket.writable && socket.write('x'), 1_000);
  socket.on('data', (chunk) => {
    answer += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  const closed = new Promise<{ status: number; closedAfterMs: number }>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ status: Number(answer.slice(9, 12)), closedAfterMs: performance.now() - started });
    }),
  );
  return { connected, closed, stop: () => socket.destroy() };
}

/** `CALLS` calls one after the other: their latencies, sorted. */
async function latencies(baseUrl: string): Promise<{ sorted: number[]; statuses: Set<number> }> {
  const times: number[] = [];
  const statuses = new Set<number>();
  for (let call = 0; call < CALLS; call++) {
    const { ms, status } = await timedCall(baseUrl);
    times.push(ms);
    statuses.add(status);
  }
  return { sorted: times.sort((a, b) => a - b), statuses };
}

describe('bench', () => {
  it(`${DRIPPERS} bodies dripping a byte a second: other visitors' latency, and when the drippers are cut`, async () => {
    const upstream = await instantUpstream();
    const server = await serveHandler(
      createApiProxy({
        apiKey: 'sk_bench_slow_bodies',
        allow: ['getTemplate'],
        upstream: upstream.url,
        limits: { perVisitor: false },
        bodyTimeoutMs: BODY_TIMEOUT_MS,
      }),
    );
    const baseUrl = `${server.url}/caoliao`;
    const port = Number(new URL(server.url).port);
    const rows = [];
    try {
      await latencies(baseUrl); // warm-up
      const alone = await latencies(baseUrl);
      const drippers = Array.from({ length: DRIPPERS }, () => drip(port));
      const openedAt = performance.now();
      await Promise.all(drippers.map((dripper) => dripper.connected));
      // The drippers' arrival is a burst of its own: measured once they all drip, as they would for minutes.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const startedAfterMs = performance.now() - openedAt;
      const during = await latencies(baseUrl);
      const endedAfterMs = performance.now() - openedAt;
      const cut = await Promise.all(drippers.map((dripper) => dripper.closed));
      drippers.forEach((dripper) => {
        dripper.stop();
      });
      const cutAfter = cut.map((each) => each.closedAfterMs).sort((a, b) => a - b);
      for (const [load, { sorted, statuses }] of [
        ['alone', alone],
        [`${DRIPPERS} dripping connections`, during],
      ] as const) {
        rows.push({
          load,
          calls: sorted.length,
          statuses: [...statuses].join(' '),
          'p50 ms': percentile(sorted, 0.5).toFixed(1),
          'p99 ms': percentile(sorted, 0.99).toFixed(1),
          'max ms': (sorted.at(-1) ?? Number.NaN).toFixed(1),
        });
      }
      const answered408 = cut.filter((each) => each.status === 408).length;
      const summary = {
        drippers: DRIPPERS,
        'answered 408 and closed': answered408,
        'cut after (s), first–last': `${((cutAfter[0] ?? 0) / 1000).toFixed(1)}–${((cutAfter.at(-1) ?? 0) / 1000).toFixed(1)}`,
        'calls measured (s after the drippers opened)': `${(startedAfterMs / 1000).toFixed(1)}–${(endedAfterMs / 1000).toFixed(1)}`,
        // Other work on the machine weighs on both rows alike: the figures are read side by side.
        'load average (1 min)': loadavg()[0]?.toFixed(1),
      };
      recordResults({ slowBodies: { latency: rows, drippers: summary } });
      table(`Other visitors' getTemplate through the proxy, ${CALLS} calls in a row`, rows);
      table(`${DRIPPERS} connections dripping a byte a second (bodyTimeoutMs ${BODY_TIMEOUT_MS})`, [summary]);
    } finally {
      await server.close();
      await upstream.close();
    }
  }, 60_000);
});

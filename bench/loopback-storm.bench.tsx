import { describe, it } from 'vitest';
import { startLoopbackGateway } from './loopback-gateway.js';
import { recordResults, table } from './report.js';
import { runStorm, type StormClient } from './storm.js';

// No MSW in this file: the requests go out through the real fetch to a real server on 127.0.0.1.
const CLIENTS: StormClient[] = [
  'ours (apiRetry + the gate)',
  'ours with rateLimit 5/s',
  'ours with rateLimit 4/s',
  'apiRetry, no gate',
  'React Query defaults',
];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('bench', () => {
  it('rate-limit storm in real time over loopback, answers 20–50 ms late', async () => {
    const rows = [];
    const started = performance.now();
    for (const client of CLIENTS) {
      // A server of its own per client: a full bucket, and new connections as a page load opens.
      const gateway = await startLoopbackGateway();
      const result = await runStorm(client, gateway, { step: () => sleep(10), limitMs: 30_000 });
      await gateway.close();
      rows.push({
        client,
        requests: result.requests,
        '429 answers': result.tooMany,
        served: `${result.served} of 20`,
        'queries in error': result.errors,
        'all settled at (s)': result.seconds.toFixed(2),
      });
    }
    const seconds = (performance.now() - started) / 1000;
    recordResults({ loopbackStorm: { rows, wallClockSeconds: Number(seconds.toFixed(1)) } });
    table('Rate-limit storm (real time, loopback, 20–50 ms per answer), one run each', rows);
    console.log(`The ${CLIENTS.length} runs took ${seconds.toFixed(1)} s of wall clock.`);
  });
});

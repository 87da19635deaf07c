import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLimits } from '../../src/server/limits.js';
import type { ProxyLimits } from '../../src/server/limits-contract.js';
import { createRedisStore } from '../../src/server/redis-store.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// Real time, small numbers: two proxy instances, each on its own connection to one Redis.
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

let run = 0;
/** Instances of one deployment: each its own connection, all under one key prefix. */
function deployment() {
  const keyPrefix = `limits-${++run}`;
  return (options: ProxyLimits) => createLimits(options, createRedisStore(redis.connect(), { keyPrefix }));
}
const twoInstances = (options: ProxyLimits) => {
  const instance = deployment();
  return [instance(options), instance(options)] as const;
};

const visitor = () =>
  new Request('https://proxy.test/caoliao/api/v2/rpc/form/getTemplate', {
    method: 'POST',
    headers: { 'X-Forwarded-For': '203.0.113.7' },
  });

it('counts a visitor across instances, with the exact Retry-After', async () => {
  const [one, two] = twoInstances({ perVisitor: { points: 2, duration: 60 }, trustProxy: 1 });
  expect(await one.admitVisitor(visitor())).toBeUndefined();
  expect(await two.admitVisitor(visitor())).toBeUndefined();
  const refused = await one.admitVisitor(visitor());
  expect(refused?.status).toBe(429);
  expect(refused?.headers.get('Retry-After')).toBe('60');
});

it('holds every instance back when one learns an upstream 429', async () => {
  const instance = deployment();
  const [learner, waiter, hurried] = [instance({}), instance({}), instance({ maxWaitMs: 0 })];
  const other = deployment()({ maxWaitMs: 0 });
  const learnt = Date.now();
  await learner.learn(new Response('', { status: 429, headers: { 'Retry-After': '2' } }));

  const refused = await hurried.awaitUpstream();
  expect(refused?.status).toBe(429);
  expect(refused?.headers.get('Retry-After')).toBe('2');
  // Another deployment (another key prefix) is not held.
  expect(await other.awaitUpstream()).toBeUndefined();
  expect(await waiter.awaitUpstream()).toBeUndefined();
  expect(Date.now() - learnt).toBeGreaterThanOrEqual(1_950);
});

it('shares the budget: two instances together take one slot each, as one instance would', async () => {
  const [one, two] = twoInstances({ requestsPerSecond: 3 });
  const times: number[] = [];
  const call = async (limits: typeof one) => {
    expect(await limits.awaitUpstream()).toBeUndefined();
    times.push(Date.now());
  };
  await Promise.all([...Array(4)].flatMap(() => [call(one), call(two)]));
  // 3 a second is one call per 333 ms: 8 calls span at least 7 slots, whatever the delays (two
  // instances each pacing alone would finish in 3).
  expect(times).toHaveLength(8);
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(6 * 333);
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiProxy, createRedisStore } from '../../src/server/index.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// Issue #18, point 2: exactly once across a Redis restart needs Redis persistence.
const servers: TestRedis[] = [];
afterAll(() => Promise.all(servers.map((server) => server.stop())));

const ADD_RECORD = 'http://proxy.test/caoliao/api/v2/rpc/record/addRecord';
const SUBMISSION = JSON.stringify({
  tpl_id: 7001,
  code_id: 8001,
  fields: [{ field_id: 1, field_value: '张三' }],
});

/** A proxy on `redis` in front of an API that stores every write it gets. */
function proxyOn(redis: TestRedis) {
  const writes: string[] = [];
  const proxy = createApiProxy({
    apiKey: 'sk_test_persistence',
    allow: 'form',
    store: createRedisStore(redis.connect({ retryStrategy: () => 100 }), { keyPrefix: 'persistence' }),
    limits: { perVisitor: false },
    fetch: async (_url, init) => {
      writes.push(String(init.body));
      return Response.json({ code: 0, message: 'ok', data: { record_id: writes.length } });
    },
  });
  const submit = (key: string) =>
    proxy(
      new Request(ADD_RECORD, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: SUBMISSION,
      }),
    );
  return { writes, submit };
}

/** Submits once, kills Redis, restarts it, and resends with the same key once it is served. */
async function resendAcrossARestart(redis: TestRedis) {
  const { writes, submit } = proxyOn(redis);
  const key = randomUUID();
  const first = await submit(key);
  expect(first.status).toBe(200);
  await redis.kill();
  await redis.restart();
  // The client reconnects within a few hundred ms; until then a resend gets a 503 to retry.
  let resent = await submit(key);
  for (let tries = 0; resent.status === 503 && tries < 50; tries++) {
    expect(resent.headers.get('Retry-After')).toMatch(/^\d+$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    resent = await submit(key);
  }
  return { resent, writes };
}

describe('a resend after Redis was killed and restarted', () => {
  let persistent: TestRedis;
  let volatile: TestRedis;
  beforeAll(async () => {
    [persistent, volatile] = await Promise.all([startRedisServer({ persistence: true }), startRedisServer()]);
    servers.push(persistent, volatile);
  });

  it('with appendonly yes (appendfsync always): replays the kept outcome, one write upstream', async () => {
    const { resent, writes } = await resendAcrossARestart(persistent);
    expect(resent.status).toBe(200);
    expect(resent.headers.get('Idempotent-Replayed')).toBe('true');
    expect(writes).toHaveLength(1);
  });

  it('without persistence: the key is forgotten, and the same submission writes twice', async () => {
    const { resent, writes } = await resendAcrossARestart(volatile);
    expect(resent.status).toBe(200);
    expect(resent.headers.get('Idempotent-Replayed')).toBeNull();
    expect(writes).toHaveLength(2);
  });
});

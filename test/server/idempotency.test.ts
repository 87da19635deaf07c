import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveIdempotency } from '../../src/server/idempotency-options.js';
import type { ApiProxyOptions } from '../../src/server/index.js';
import { createApiProxy, createMemoryStore, createRedisStore } from '../../src/server/index.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';
import { type ReceivedRequest, send } from '../support/test-server.js';
import { API_KEY, PROXY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

const ADD = `${PROXY}/api/v2/rpc/record/addRecord`;
const VERIFY = `${PROXY}/api/v2/rpc/certificate/verify`;
const KEY = '5f0c6f7e-8d0a-4c52-9d5e-1f0f3f6c2a11';
const SUBMISSION = { tpl_id: 7001, code_id: 8001, fields: [{ field_id: 1, field_value: '张三' }] };
const STORED = { code: 0, message: 'ok', data: { record_id: 100001 } };

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

let run = 0;
const stores: [string, () => ProxyStore][] = [
  ['memory', () => createMemoryStore()],
  ['redis', () => createRedisStore(redis.connect(), { keyPrefix: `idempotency-${++run}` })],
];

/** A browser's write with its key, as the client sends it (an sf-string). */
const keyed = (url: string, body: unknown = SUBMISSION, key = KEY) =>
  post(url, body, { 'Idempotency-Key': `"${key}"` });

const writes = (requests: ReceivedRequest[]) =>
  requests.filter((request) => request.path.endsWith('/addRecord'));

describe.each(stores)('with the %s store', (_name, store) => {
  const proxyWith = (handler: Parameters<typeof proxyTo>[0], options: Partial<ApiProxyOptions> = {}) =>
    proxyTo(handler, { store: store(), ...options });

  it('answers a resend with the kept outcome, marked, and never writes twice', async () => {
    const { proxy, upstream, logs } = await proxyWith((_, response) => send(response, 200, STORED));
    const first = await proxy(keyed(ADD));
    expect(first.status).toBe(200);
    expect(first.headers.get('Idempotency-Key')).toBe(`"${KEY}"`);
    expect(first.headers.has('Idempotent-Replayed')).toBe(false);
    const firstBody = await first.text();

    const again = await proxy(keyed(ADD));
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('Idempotency-Key')).toBe(`"${KEY}"`);
    expect(await again.text()).toBe(firstBody);
    // Past the moment a second write would have reached upstream.
    await sleep(200);
    expect(upstream.requests).toHaveLength(1);
    expect(logs.map((entry) => entry.idempotency?.result)).toEqual(['kept', 'replayed']);
    expect(logs[1]).toMatchObject({ outcome: 'replayed', status: 200 });
    expect(logs[1]?.idempotency?.keyHash).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(logs)).not.toContain(KEY);
    expect(JSON.stringify(logs)).not.toContain('DO_NOT_LEAK');
  });

  it.each([400, 200])('keeps a refusal the API made with HTTP %s, and replays it', async (status) => {
    const refusal = { code: 400, error_code: 100308, message: 'Required field missing' };
    const { proxy, upstream } = await proxyWith((_, response) => send(response, status, refusal));
    expect((await proxy(keyed(ADD))).status).toBe(status);
    const again = await proxy(keyed(ADD));
    expect(again.status).toBe(status);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(refusal);
    await sleep(100);
    expect(upstream.requests).toHaveLength(1);
  });

  it('makes a resend wait for the first while it is in flight, then replays its outcome', async () => {
    const { proxy, upstream } = await proxyWith(
      async (_, response) => {
        await sleep(300);
        send(response, 200, STORED);
      },
      { idempotency: { waitMs: 5_000 } },
    );
    const first = proxy(keyed(ADD));
    await sleep(50);
    const second = await proxy(keyed(ADD));
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await second.json()).toEqual(STORED);
    expect((await first).status).toBe(200);
    await sleep(300);
    expect(upstream.requests).toHaveLength(1);
  });

  it('answers 409 with Retry-After when the first is still in flight after the wait', async () => {
    const { proxy, upstream, logs } = await proxyWith(
      async (_, response) => {
        await sleep(800);
        send(response, 200, STORED);
      },
      { idempotency: { waitMs: 200 } },
    );
    const first = proxy(keyed(ADD));
    await sleep(50);
    const started = Date.now();
    const second = await proxy(keyed(ADD));
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(second.status).toBe(409);
    expect(second.headers.get('Retry-After')).toBe('1');
    expect(second.headers.get('Idempotency-Key')).toBe(`"${KEY}"`);
    expect(await second.json()).toMatchObject({ code: 409, message_detail: 'idempotency key in flight' });
    expect((await first).status).toBe(200);
    // Once the first is done, the next resend gets its outcome.
    expect((await proxy(keyed(ADD))).headers.get('Idempotent-Replayed')).toBe('true');
    expect(upstream.requests).toHaveLength(1);
    expect(logs.map((entry) => entry.idempotency?.result)).toContain('in-flight');
  });

  it('answers 422 to the same key with another body, in flight or done, without writing', async () => {
    const { proxy, upstream } = await proxyWith(async (_, response) => {
      await sleep(300);
      send(response, 200, STORED);
    });
    const other = { ...SUBMISSION, fields: [{ field_id: 1, field_value: '李四' }] };
    const first = proxy(keyed(ADD));
    await sleep(50);
    const started = Date.now();
    const during = await proxy(keyed(ADD, other));
    // At once, not after the wait for the first.
    expect(Date.now() - started).toBeLessThan(250);
    expect(during.status).toBe(422);
    expect(await during.json()).toMatchObject({
      code: 422,
      message_detail: 'idempotency key reused with a different payload',
    });
    await first;
    expect((await proxy(keyed(ADD, other))).status).toBe(422);
    await sleep(100);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each([
    ['an upstream 429', 429, { code: 429, message: 'Too many requests' }],
    ['an upstream 401', 401, { code: 401, error_code: 100315, message: 'Invalid API key' }],
  ])('forgets %s: the resend goes upstream again', async (_label, status, body) => {
    let calls = 0;
    const { proxy, upstream } = await proxyWith((_, response) => {
      calls += 1;
      if (calls === 1) send(response, status, body, { 'retry-after': '0' });
      else send(response, 200, STORED);
    });
    expect((await proxy(keyed(ADD))).status).toBe(status);
    const again = await proxy(keyed(ADD));
    expect(again.status).toBe(200);
    expect(again.headers.has('Idempotent-Replayed')).toBe(false);
    expect(upstream.requests).toHaveLength(2);
  });

  it('forgets the proxy’s own refusal (the budget’s 429): the resend goes upstream', async () => {
    const { proxy, upstream, logs } = await proxyWith((_, response) => send(response, 200, STORED), {
      limits: { perVisitor: false, requestsPerSecond: 1, maxWaitMs: 0 },
    });
    // The read takes this second's slot; the keyed write right after it is refused here.
    await proxy(post(TEMPLATE));
    const refused = await proxy(keyed(ADD));
    expect(refused.status).toBe(429);
    expect(writes(upstream.requests)).toHaveLength(0);
    // Early in the next slot of the clock (a call may not leave in the last quarter of its slot).
    await sleep(1_000 - (Date.now() % 1_000) + 50);
    const again = await proxy(keyed(ADD));
    expect(again.status).toBe(200);
    expect(again.headers.has('Idempotent-Replayed')).toBe(false);
    expect(writes(upstream.requests)).toHaveLength(1);
    expect(
      logs.filter((entry) => entry.endpoint === 'addRecord').map((entry) => entry.idempotency?.result),
    ).toEqual(['forgotten', 'kept']);
  });

  it('forwards every write without a key, as before', async () => {
    const { proxy, upstream } = await proxyWith((_, response) => send(response, 200, STORED));
    for (const _ of [1, 2]) {
      const answer = await proxy(post(ADD, SUBMISSION));
      expect(answer.headers.has('Idempotency-Key')).toBe(false);
      expect(answer.headers.has('Idempotent-Replayed')).toBe(false);
    }
    expect(upstream.requests).toHaveLength(2);
  });

  it.each([
    ['an empty key', '""'],
    ['a key with a space', '"a b"'],
    ['a key with a quote inside', '"a"b"'],
    ['two keys', '"a", "b"'],
    ['a key of 256 characters', `"${'k'.repeat(256)}"`],
    ['a key anyone can guess, "1"', '"1"', /at least 16 characters/],
    ['a key of 15 characters', `"${'k'.repeat(15)}"`, /at least 16 characters/],
    ['a key with a dot', '"5f0c6f7e.8d0a.4c52.9d5e.1f0f3f6c2a11"', /only letters, digits, - and _/],
  ])(
    'refuses %s with a 400 envelope saying why, nothing upstream',
    async (_label, header, why = /Idempotency-Key/) => {
      const { proxy, upstream } = await proxyWith((_, response) => send(response, 200, STORED));
      const answer = await proxy(post(ADD, SUBMISSION, { 'Idempotency-Key': header }));
      expect(answer.status).toBe(400);
      const envelope = await answer.json();
      expect(envelope).toMatchObject({ code: 400, error_code: 100301 });
      expect(envelope.message_detail).toMatch(why);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it('takes a key of 16 letters, digits, - and _', async () => {
    const { proxy, upstream } = await proxyWith((_, response) => send(response, 200, STORED));
    const answer = await proxy(keyed(ADD, SUBMISSION, 'Ab3_-Ab3_-Ab3_-A'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Idempotency-Key')).toBe('"Ab3_-Ab3_-Ab3_-A"');
    expect(upstream.requests).toHaveLength(1);
  });

  it('takes a bare token (Stripe’s form) as the same key as its quoted form', async () => {
    const { proxy, upstream } = await proxyWith((_, response) => send(response, 200, STORED));
    await proxy(post(ADD, SUBMISSION, { 'Idempotency-Key': KEY }));
    const again = await proxy(keyed(ADD));
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(upstream.requests).toHaveLength(1);
  });

  it('replays a verification, and forgets one that failed ambiguously without echoing its key', async () => {
    const verified = { code: 0, message: 'ok', data: { recordId: 9001, certificateStatus: '已核销' } };
    let calls = 0;
    const { proxy, upstream } = await proxyWith(
      (_, response) => {
        calls += 1;
        if (calls === 1) send(response, 502, '<html>502 Bad Gateway</html>');
        else send(response, 200, verified);
      },
      { allow: 'desk' },
    );
    const body = {
      certificate_code: 'https://qr.cli.im/c/CERT-1',
      action_type: 'set_next_certificate_status',
    };
    const failed = await proxy(keyed(VERIFY, body));
    expect(failed.status).toBe(502);
    expect(failed.headers.has('Idempotency-Key')).toBe(false);
    // No lookup exists for a verification: the resend goes upstream, and its success is kept.
    expect((await proxy(keyed(VERIFY, body))).status).toBe(200);
    const replayed = await proxy(keyed(VERIFY, body));
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replayed.json()).toEqual(verified);
    expect(upstream.requests).toHaveLength(2);
  });

  it('with idempotency: false, forwards a keyed write every time', async () => {
    const { proxy, upstream } = await proxyWith((_, response) => send(response, 200, STORED), {
      idempotency: false,
    });
    await proxy(keyed(ADD));
    const again = await proxy(keyed(ADD));
    expect(again.headers.has('Idempotent-Replayed')).toBe(false);
    expect(again.headers.has('Idempotency-Key')).toBe(false);
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('the idempotency option at creation', () => {
  const base = { apiKey: API_KEY, allow: 'form' as const };
  it('holds a key past the longest call: a lookup, the write and a lookup, each waiting and timing out', () => {
    const settings = resolveIdempotency(
      {},
      { store: createMemoryStore(), timeoutMs: 15_000, maxWaitMs: 10_000 },
    );
    // 4 pages before the write, the write, 4 pages after: 9 calls of 10 s wait + 15 s timeout.
    expect(settings?.lockTtlMs).toBeGreaterThan(9 * 25_000);
  });

  it.each([
    ['a ttl of 0', { ttlSeconds: 0 }, /ttlSeconds/],
    ['a ttl in fractions', { ttlSeconds: 1.5 }, /ttlSeconds/],
    ['a negative wait', { waitMs: -1 }, /waitMs/],
    ['a wait past a timer', { waitMs: 2 ** 31 }, /waitMs/],
    ['a list of markers', { markerField: [71234567890104] }, /markerField/],
    ['a marker of a tpl_id that is none', { markerField: { abc: 1 } }, /each key must be a tpl_id/],
    ['a marker that is no field_id', { markerField: { 7001: 'hidden' } }, /markerField\[7001\]/],
    ['a negative window', { lookupWindowSeconds: -1 }, /lookupWindowSeconds/],
    ['options that are a string', 'on', /idempotency must be an object/],
  ])('refuses %s with a TypeError', (_label, idempotency, message) => {
    const create = () => createApiProxy({ ...base, idempotency } as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(message);
  });

  it.each([
    ['ttlSeconds', { ttlSeconds: API_KEY }],
    ['waitMs', { waitMs: API_KEY }],
    ['lookupWindowSeconds', { lookupWindowSeconds: API_KEY }],
    ['markerField', { markerField: API_KEY }],
    ['a key of markerField', { markerField: { [API_KEY]: 71234567890104 } }],
    ['a value of markerField', { markerField: { 7001: API_KEY } }],
  ])('never quotes a key given by mistake as %s', (_label, idempotency) => {
    let message = '';
    try {
      createApiProxy({ ...base, idempotency } as never);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/^TypeError: createApiProxy: idempotency/);
    for (const part of API_KEY.split(/[^A-Za-z0-9]+/).filter((piece) => piece.length >= 4))
      expect(message).not.toContain(part);
  });

  it('refuses a store without the key/value calls unless idempotency is off', () => {
    const old = { limiter: createMemoryStore().limiter, holdUntil: async () => 0, hold: async () => {} };
    expect(() => createApiProxy({ ...base, store: old as never })).toThrow(/setIfAbsent, get, set, delete/);
    expect(typeof createApiProxy({ ...base, store: old as never, idempotency: false })).toBe('function');
  });
});

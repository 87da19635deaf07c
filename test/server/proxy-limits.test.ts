import { describe, expect, it } from 'vitest';
import { envelopeResponse } from '../../src/server/envelope.js';
import { createMemoryStore, type ProxyLogEntry } from '../../src/server/index.js';
import type { Limits } from '../../src/server/limits-contract.js';
import { createProxyHandler } from '../../src/server/proxy-handler.js';
import { resolveProxyOptions } from '../../src/server/proxy-options.js';
import { StoreUnavailableError } from '../../src/server/store-unavailable.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY, PROXY, post, proxyTo, recordingStore, TEMPLATE } from './proxy-kit.js';

const ADD_RECORD = `${PROXY}/api/v2/rpc/record/addRecord`;
const KEY = { 'Idempotency-Key': '"0b6f3c2e-5d1a-4c8e-9f7b-2a4d6e8c0b1f"' };

const tooMany = (seconds: number) => envelopeResponse(429, { headers: { 'Retry-After': String(seconds) } });

/** Limits that record what the proxy asks of them, answering as told. */
function fakeLimits(events: string[], answers: Partial<Record<'visitor' | 'upstream', Response>> = {}) {
  const signals: (AbortSignal | undefined)[] = [];
  const limits: Limits = {
    async admitVisitor(request) {
      events.push(`admitVisitor ${new URL(request.url).pathname}`);
      return answers.visitor;
    },
    async awaitUpstream(signal) {
      signals.push(signal);
      events.push('awaitUpstream');
      return answers.upstream;
    },
    async learn(response) {
      events.push(`learn ${response.status} ${response.headers.get('retry-after')}`);
    },
  };
  return { limits, signals };
}

async function withFake(
  answers: Parameters<typeof fakeLimits>[1] = {},
  status = 429,
  options = {},
  events: string[] = [],
) {
  const upstream = await startTestServer((_, response) => {
    events.push('upstream');
    send(response, status, { code: status === 200 ? 0 : status }, { 'Retry-After': '4' });
  });
  const { limits, signals } = fakeLimits(events, answers);
  const proxy = createProxyHandler(
    resolveProxyOptions({ apiKey: API_KEY, allow: 'form', upstream: upstream.url, ...options }),
    limits,
  );
  return { proxy, events, signals, close: upstream.close };
}

describe('the proxy asks its limits in order', () => {
  it('visitor, then budget, then upstream, then learns from its answer', async () => {
    const { proxy, events, signals, close } = await withFake();
    const request = post(TEMPLATE);
    const answer = await proxy(request);
    await close();
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('4');
    expect(events).toEqual([
      'admitVisitor /caoliao/api/v2/rpc/forms/getTemplate',
      'awaitUpstream',
      'upstream',
      'learn 429 4',
    ]);
    expect(signals).toEqual([request.signal]);
  });

  it('returns the visitor limit’s 429 as is, asking nothing more and never calling upstream', async () => {
    const refusal = tooMany(9);
    const { proxy, events, close } = await withFake({ visitor: refusal });
    const answer = await proxy(post(TEMPLATE));
    await close();
    expect(answer).toBe(refusal);
    expect(events).toEqual(['admitVisitor /caoliao/api/v2/rpc/forms/getTemplate']);
  });

  it('returns the budget’s 429 as is, never calling upstream', async () => {
    const refusal = tooMany(2);
    const { proxy, events, close } = await withFake({ upstream: refusal });
    const answer = await proxy(post(TEMPLATE));
    await close();
    expect(answer).toBe(refusal);
    expect(events).toEqual(['admitVisitor /caoliao/api/v2/rpc/forms/getTemplate', 'awaitUpstream']);
  });

  it('asks the visitor limit before the idempotency layer: a refused visitor’s keyed write touches no key, replays nothing', async () => {
    const events: string[] = [];
    const answers: Parameters<typeof fakeLimits>[1] = {};
    const { proxy, close } = await withFake(answers, 200, { store: recordingStore(events) }, events);
    expect((await proxy(post(ADD_RECORD, { tpl_id: 1 }, KEY))).status).toBe(200);
    expect(events[0]).toBe('admitVisitor /caoliao/api/v2/rpc/record/addRecord');
    expect(events.filter((event) => event.startsWith('admitVisitor'))).toHaveLength(1);
    expect(events).toContain('upstream');

    events.length = 0;
    answers.visitor = tooMany(9);
    const resent = await proxy(post(ADD_RECORD, { tpl_id: 1 }, KEY));
    await close();
    expect(resent.status).toBe(429);
    expect(resent.headers.get('idempotent-replayed')).toBeNull();
    expect(events).toEqual(['admitVisitor /caoliao/api/v2/rpc/record/addRecord']);
  });

  it('counts a call before reading its body: junk is charged to the visitor, and never reaches upstream', async () => {
    const { proxy, events, close } = await withFake({}, 200);
    const answer = await proxy(post(TEMPLATE, '[1]'));
    await close();
    expect(answer.status).toBe(400);
    expect(events).toEqual(['admitVisitor /caoliao/api/v2/rpc/forms/getTemplate']);
  });

  it('never counts a call it refuses before the visitor limit', async () => {
    const { proxy, events, close } = await withFake({}, 200, { authorize: () => false });
    await proxy(post(TEMPLATE));
    await proxy(post(`${TEMPLATE}x`));
    await proxy(post('http://proxy.test/caoliao/api/v2/rpc/record/getRecords'));
    await proxy(new Request(TEMPLATE));
    await close();
    expect(events).toEqual([]);
  });

  it.each([
    ['the visitor limit', 'admitVisitor'],
    ['the budget', 'awaitUpstream'],
  ] as const)(
    'answers a 503 envelope with Retry-After when the store is unavailable to %s',
    async (_, step) => {
      const upstream = await startTestServer((_, response) => send(response, 200, { code: 0 }));
      const unavailable = new StoreUnavailableError('limiter.consume', {
        retryAfterSeconds: 7,
        cause: new Error(`ECONNREFUSED 127.0.0.1:6379 ${API_KEY}`),
      });
      const broken: Limits = {
        admitVisitor: async () => undefined,
        awaitUpstream: async () => undefined,
        learn: async () => {},
        [step]: async () => {
          throw unavailable;
        },
      };
      const logs: ProxyLogEntry[] = [];
      const proxy = createProxyHandler(
        resolveProxyOptions({
          apiKey: API_KEY,
          allow: 'form',
          upstream: upstream.url,
          log: (e) => logs.push(e),
        }),
        broken,
      );
      const answer = await proxy(post(TEMPLATE));
      await upstream.close();
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('7');
      const text = await answer.text();
      expect(JSON.parse(text)).toMatchObject({
        code: 503,
        message_detail: "the proxy's store is unavailable",
      });
      expect(upstream.requests).toHaveLength(0);
      expect(logs).toEqual([
        expect.objectContaining({
          outcome: 'store-unavailable',
          status: 503,
          failed: 'store',
          detail: 'the store did not answer limiter.consume',
        }),
      ]);
      expect(`${text}${JSON.stringify(logs)}`).not.toMatch(/6379|DO_NOT_LEAK/);
    },
  );

  it('answers a 500 envelope naming the proxy in the log when something else throws, never upstream', async () => {
    const upstream = await startTestServer((_, response) => send(response, 200, { code: 0 }));
    const broken: Limits = {
      admitVisitor: async () => undefined,
      awaitUpstream: async () => {
        throw new Error(`unexpected ${API_KEY}`);
      },
      learn: async () => {},
    };
    const logs: ProxyLogEntry[] = [];
    const proxy = createProxyHandler(
      resolveProxyOptions({
        apiKey: API_KEY,
        allow: 'form',
        upstream: upstream.url,
        log: (e) => logs.push(e),
      }),
      broken,
    );
    const answer = await proxy(post(TEMPLATE));
    await upstream.close();
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ code: 500, message: 'Internal server error' });
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'error', status: 500, failed: 'proxy' })]);
    expect(`${text}${JSON.stringify(logs)}`).not.toContain('DO_NOT_LEAK');
  });

  it('answers a 503 envelope when the idempotency layer’s store is unavailable', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, { code: 0 }), {
      store: {
        ...createMemoryStore(),
        get: async () => {
          throw new StoreUnavailableError('get');
        },
      },
    });
    const answer = await proxy(post(ADD_RECORD, { tpl_id: 1 }, KEY));
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([
      expect.objectContaining({
        outcome: 'store-unavailable',
        failed: 'store',
        detail: expect.stringMatching(/^the store did not answer /),
      }),
    ]);
  });

  it('passes the answer on when learning from it fails', async () => {
    const upstream = await startTestServer((_, response) => send(response, 200, { code: 0, data: 1 }));
    const limits: Limits = {
      admitVisitor: async () => undefined,
      awaitUpstream: async () => undefined,
      learn: async () => {
        throw new Error('redis gone');
      },
    };
    const proxy = createProxyHandler(
      resolveProxyOptions({ apiKey: API_KEY, allow: 'form', upstream: upstream.url }),
      limits,
    );
    const answer = await proxy(post(TEMPLATE));
    await upstream.close();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ code: 0, data: 1 });
  });
});

describe('with the real limits (memory store)', () => {
  it('a visitor over their limit gets a local 429 with Retry-After; upstream never sees it', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, { code: 0 }), {
      limits: { perVisitor: { points: 2, duration: 60 }, visitorKey: () => 'the-visitor' },
    });
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await proxy(post(TEMPLATE))).status);
    const limited = await proxy(post(TEMPLATE));
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(await limited.json()).toMatchObject({ code: 429 });
    expect(upstream.requests).toHaveLength(2);
    expect(logs.map((entry) => entry.outcome)).toEqual(['forwarded', 'forwarded', 'limited', 'limited']);
  });

  it('an upstream 429 holds the next call back: a local 429, not a second call upstream', async () => {
    const { proxy, upstream } = await proxyTo(
      (_, response) => send(response, 429, { code: 429 }, { 'Retry-After': '30' }),
      { limits: { perVisitor: false, maxWaitMs: 100 } },
    );
    expect((await proxy(post(TEMPLATE))).status).toBe(429);
    const held = await proxy(post(TEMPLATE));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(25);
    expect(upstream.requests).toHaveLength(1);
  });
});

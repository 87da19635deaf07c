import { describe, expect, it } from 'vitest';
import { envelopeResponse } from '../../src/server/envelope.js';
import type { Limits } from '../../src/server/limits-contract.js';
import { createProxyHandler } from '../../src/server/proxy-handler.js';
import { resolveProxyOptions } from '../../src/server/proxy-options.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

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

async function withFake(answers: Parameters<typeof fakeLimits>[1] = {}, status = 429, options = {}) {
  const events: string[] = [];
  const upstream = await startTestServer((_, response) => {
    events.push('upstream');
    send(response, status, { code: status }, { 'Retry-After': '4' });
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

  it('never counts a call it refuses or cannot read', async () => {
    const { proxy, events, close } = await withFake({}, 200, { authorize: () => false });
    await proxy(post(TEMPLATE));
    await proxy(post(`${TEMPLATE}x`));
    await proxy(post('http://proxy.test/caoliao/api/v2/rpc/record/getRecords'));
    await proxy(new Request(TEMPLATE));
    await close();
    expect(events).toEqual([]);
  });

  it('answers a 500 envelope, never calling upstream, when the limits’ store fails', async () => {
    const upstream = await startTestServer((_, response) => send(response, 200, { code: 0 }));
    const broken: Limits = {
      admitVisitor: async () => undefined,
      awaitUpstream: async () => {
        throw new Error('ECONNREFUSED 127.0.0.1:6379');
      },
      learn: async () => {},
    };
    const logs: unknown[] = [];
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
    expect(await answer.text()).not.toContain('6379');
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'error', status: 500 })]);
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
      limits: { perVisitor: { points: 2, duration: 60 } },
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

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointName } from '../../src/client/index.js';
import type { ApiProxyOptions, ProxyLogEntry } from '../../src/server/index.js';
import { createApiProxy, createRedisStore } from '../../src/server/index.js';
import { createSimulator, defaultSimulatorState, type Fault } from '../../src/testing/index.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';
import { PHONE, record, serveSimulator } from '../testing/simulator-kit.js';
import { API_KEY, PROXY, post } from './proxy-kit.js';

// The simulator stands in for open.cli.im (the proxy's default upstream), over MSW.
const current = serveSimulator();

const ADD = `${PROXY}/api/v2/rpc/record/addRecord`;
const KEY = '0b6a2f51-3c1e-4d7a-a1f0-6d2b9c8e7f40';
/** The sign-up form's hidden field into which the proxy writes the key. */
const MARKER = 71234567890109;

/**
 * A simulator of the default world (our key only), counting the calls upstream per endpoint;
 * its clock `clockOffsetMs` off the proxy's.
 */
function world({ marker = false, phoneUnique = true, clockOffsetMs = 0 } = {}) {
  const state = { ...defaultSimulatorState(), apiKeys: { [API_KEY]: { write: true } } };
  const form = state.forms[0];
  if (!form) throw new Error('no form');
  if (marker) form.fields.push({ field_id: MARKER, field_title: '提交编号', field_type: 'text' });
  for (const field of form.fields) if (field.field_id === PHONE) field.unique = phoneUnique;
  const simulator = createSimulator({ state, now: () => Date.now() + clockOffsetMs });
  const calls: EndpointName[] = [];
  const handle = simulator.handle;
  simulator.handle = (endpoint, body, context) => {
    calls.push(endpoint);
    return handle(endpoint, body, context);
  };
  current.simulator = simulator;
  const count = (endpoint: EndpointName) => calls.filter((name) => name === endpoint).length;
  return { simulator, count };
}

function proxyWith(options: Partial<ApiProxyOptions> = {}) {
  const logs: ProxyLogEntry[] = [];
  const proxy = createApiProxy({
    apiKey: API_KEY,
    allow: 'form',
    limits: { perVisitor: false },
    timeoutMs: 300,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return { proxy, logs };
}

const keyed = (body: unknown = record(), key = KEY) => post(ADD, body, { 'Idempotency-Key': `"${key}"` });
const markers = { idempotency: { markerField: { 7001: MARKER } } };

const ambiguous: [string, Fault][] = [
  ['a 502 gateway page', { status: 502, html: true }],
  ['a connection reset', { network: true }],
  ['an answer that never comes', { delayMs: Infinity }],
];

describe('after an ambiguous failure of addRecord, the proxy finds out before answering', () => {
  describe.each([
    ['an only exact match', {}],
    ['the marker field', markers],
  ])('by %s', (matching, options) => {
    it.each(ambiguous)(
      '%s after storing: success with the record, and a resend never writes',
      async (_, fault) => {
        const { simulator, count } = world({ marker: matching === 'the marker field' });
        const { proxy, logs } = proxyWith(options);
        simulator.inject({ endpoint: 'addRecord', stored: true, ...fault });

        const answer = await proxy(keyed());
        expect(answer.status).toBe(200);
        expect(answer.headers.get('Idempotency-Key')).toBe(`"${KEY}"`);
        const [stored] = simulator.state.records;
        expect(await answer.json()).toEqual({
          code: 0,
          message: 'ok',
          data: { record_id: stored?.record_id },
        });
        expect(logs[0]).toMatchObject({ outcome: 'confirmed', idempotency: { result: 'confirmed' } });

        const again = await proxy(keyed());
        expect(again.headers.get('Idempotent-Replayed')).toBe('true');
        expect(await again.json()).toMatchObject({ data: { record_id: stored?.record_id } });
        await sleep(100);
        expect(simulator.state.records).toHaveLength(1);
        expect(count('addRecord')).toBe(1);
      },
    );
  });

  it('writes the key into the marker field, over what the browser sent there, and finds the record among equal ones', async () => {
    const { simulator } = world({ marker: true, phoneUnique: false });
    const { proxy } = proxyWith(markers);
    const body = record();
    // Someone else's equal submission, just before ours: without the marker, two candidates.
    simulator.handle('addRecord', body, { apiKey: API_KEY, user: 'someone-else' });
    const forged = {
      ...body,
      fields: [...body.fields, { field_id: MARKER, field_type: 'text', field_value: 'x' }],
    };
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });

    const answer = await proxy(keyed(forged));
    expect(answer.status).toBe(200);
    const ours = simulator.state.records[1];
    expect(ours?.fields).toContainEqual({ field_id: MARKER, field_type: 'text', field_value: KEY });
    expect(await answer.json()).toMatchObject({ data: { record_id: ours?.record_id } });
  });

  it('claims nothing without a marker when two records match', async () => {
    const { simulator } = world({ phoneUnique: false });
    const { proxy, logs } = proxyWith();
    simulator.handle('addRecord', record(), { apiKey: API_KEY, user: 'someone-else' });
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });

    const answer = await proxy(keyed());
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({
      code: 502,
      message_detail: expect.stringContaining('more than one'),
    });
    expect(logs[0]?.idempotency?.result).toBe('not-found');
    expect(simulator.state.records).toHaveLength(2);
  });

  it('answers the failure when nothing was stored, and the resend writes once', async () => {
    const { simulator, count } = world();
    const { proxy, logs } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });

    const failed = await proxy(keyed());
    expect(failed.status).toBe(502);
    expect(failed.headers.get('Idempotency-Key')).toBe(`"${KEY}"`);
    expect(await failed.json()).toMatchObject({
      code: 502,
      message_detail: expect.stringContaining('found no record'),
    });
    expect(simulator.state.records).toHaveLength(0);
    expect(logs[0]?.idempotency?.result).toBe('not-found');

    // The outcome stays unknown: the resend looks first, finds nothing, and writes.
    const lookupsBefore = count('getRecords');
    const again = await proxy(keyed());
    expect(again.status).toBe(200);
    expect(count('getRecords')).toBe(lookupsBefore + 1);
    await sleep(100);
    expect(simulator.state.records).toHaveLength(1);
    expect(count('addRecord')).toBe(2);
  });

  it('keeps an earlier send’s unknown outcome through a resend refused with a 429', async () => {
    const { simulator, count } = world();
    const { proxy } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    expect((await proxy(keyed())).status).toBe(502);
    simulator.inject({ endpoint: 'addRecord', code: 429, retryAfter: '1' });
    expect((await proxy(keyed())).status).toBe(429);

    const lookupsBefore = count('getRecords');
    expect((await proxy(keyed())).status).toBe(200);
    expect(count('getRecords')).toBe(lookupsBefore + 1);
    expect(simulator.state.records).toHaveLength(1);
  });

  it('keeps the outcome unknown when the lookup fails, and the resend looks up before any write', async () => {
    const { simulator, count } = world();
    const { proxy, logs } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    simulator.inject({ endpoint: 'getRecords', status: 502, html: true, times: 2 });

    const failed = await proxy(keyed());
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ message_detail: expect.stringContaining('could not check') });
    expect(logs[0]?.idempotency?.result).toBe('unchecked');

    // Still no answer from the lookup: no write either.
    const stillUnknown = await proxy(keyed());
    expect(stillUnknown.status).toBe(502);
    expect(await stillUnknown.json()).toMatchObject({
      message_detail: expect.stringContaining('could not check'),
    });

    const found = await proxy(keyed());
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ data: { record_id: simulator.state.records[0]?.record_id } });
    await sleep(100);
    expect(simulator.state.records).toHaveLength(1);
    expect(count('addRecord')).toBe(1);
  });

  it.each([
    ['behind', -30_000],
    ['ahead of', 30_000],
  ])('finds the record when the API’s clock is 30 s %s the proxy’s', async (_label, clockOffsetMs) => {
    const { simulator, count } = world({ clockOffsetMs });
    const { proxy, logs } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    const answer = await proxy(keyed());
    expect(answer.status).toBe(200);
    expect(logs[0]).toMatchObject({ outcome: 'confirmed' });
    expect(await answer.json()).toMatchObject({ data: { record_id: simulator.state.records[0]?.record_id } });
    expect(count('addRecord')).toBe(1);
  });

  it('claims no record that matches some of the values but not all', async () => {
    const { simulator } = world();
    // Someone else of the same name, another phone, just before ours.
    simulator.handle('addRecord', record('13900139000'), { apiKey: API_KEY, user: 'someone-else' });
    const { proxy, logs } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    const answer = await proxy(keyed());
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: expect.stringContaining('found no record') });
    expect(logs[0]?.idempotency?.result).toBe('not-found');
  });

  it('claims no equal record submitted through another QR code of the form', async () => {
    const { simulator } = world({ phoneUnique: false });
    simulator.state.qrcodes.push({
      code_id: 8002,
      coding: 'q8002',
      title: '海报',
      tpl_ids: [7001],
      state: 'active',
    });
    simulator.handle('addRecord', { ...record(), code_id: 8002 }, { apiKey: API_KEY, user: 'someone-else' });
    expect(simulator.state.records).toMatchObject([{ code_id: 8002 }]);
    const { proxy, logs } = proxyWith();
    // Ours (through code 8001) was not stored.
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    const answer = await proxy(keyed());
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: expect.stringContaining('found no record') });
    expect(logs[0]?.idempotency?.result).toBe('not-found');
  });

  it('follows page_token to the record on the second page', async () => {
    const { simulator } = world();
    const soon = Math.floor(Date.now() / 1000) + 10;
    // 55 later submissions of other people fill the first page (newest first).
    for (let i = 0; i < 55; i += 1) {
      const { fields } = record(`1390000${String(i).padStart(4, '0')}`, '李四');
      simulator.state.records.push({
        record_id: 900_000 + i,
        tpl_id: 7001,
        code_id: 8001,
        user: 'someone-else',
        submit_at: soon,
        fields,
      });
    }
    const { proxy } = proxyWith();
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    const answer = await proxy(keyed());
    expect(answer.status).toBe(200);
    const ours = simulator.state.records.find((candidate) => candidate.user !== 'someone-else');
    expect(await answer.json()).toMatchObject({ data: { record_id: ours?.record_id } });
  });

  it('looks up within the budget like any call upstream', async () => {
    const { simulator } = world();
    const { proxy } = proxyWith({ limits: { perVisitor: false, requestsPerSecond: 1, maxWaitMs: 0 } });
    simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    // The write takes this second's slot (sent early in it: a call may not leave in a slot's last
    // quarter); the lookup right after it has none and cannot wait.
    await sleep(1_000 - (Date.now() % 1_000) + 50);
    const answer = await proxy(keyed());
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: expect.stringContaining('could not check') });
  });
});

describe('across two proxy instances on one Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  let run = 0;
  const pair = () => {
    const keyPrefix = `lookup-${++run}`;
    return [1, 2].map(() => proxyWith({ store: createRedisStore(redis.connect(), { keyPrefix }) }));
  };

  it('replays on one what the other stored', async () => {
    const { simulator, count } = world();
    const [one, two] = pair();
    expect((await one?.proxy(keyed()))?.status).toBe(200);
    const again = await two?.proxy(keyed());
    expect(again?.headers.get('Idempotent-Replayed')).toBe('true');
    await sleep(100);
    expect(simulator.state.records).toHaveLength(1);
    expect(count('addRecord')).toBe(1);
  });

  it('makes one wait for the other’s write in flight, then replays it', async () => {
    const { simulator, count } = world();
    const handle = simulator.handle;
    simulator.handle = (endpoint, body, context) => {
      const answer = handle(endpoint, body, context);
      return endpoint === 'addRecord' ? { ...answer, delayMs: 250 } : answer;
    };
    const [one, two] = pair();
    const first = one?.proxy(keyed());
    await sleep(50);
    const second = await two?.proxy(keyed());
    expect(second?.status).toBe(200);
    expect(second?.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await first)?.status).toBe(200);
    await sleep(300);
    expect(simulator.state.records).toHaveLength(1);
    expect(count('addRecord')).toBe(1);
  });

  it('confirms on one what was left unknown on the other, without writing again', async () => {
    const { simulator, count } = world();
    const [one, two] = pair();
    simulator.inject({ endpoint: 'addRecord', stored: true, network: true });
    simulator.inject({ endpoint: 'getRecords', network: true });
    expect((await one?.proxy(keyed()))?.status).toBe(502);
    const found = await two?.proxy(keyed());
    expect(found?.status).toBe(200);
    expect(two?.logs[0]).toMatchObject({ outcome: 'confirmed' });
    await sleep(100);
    expect(simulator.state.records).toHaveLength(1);
    expect(count('addRecord')).toBe(1);
  });
});

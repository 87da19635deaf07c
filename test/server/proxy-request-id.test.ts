import { describe, expect, it } from 'vitest';
import { send } from '../support/test-server.js';
import { PROXY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ok = { code: 0, message: 'ok', data: {} };

describe('X-Request-Id: one id on the answer and in the log', () => {
  it('is upstream’s when it sends one', async () => {
    const { proxy, logs } = await proxyTo((_, response) =>
      send(response, 400, { code: 400, error_code: 100308 }, { 'X-Request-Id': 'gw-7f3a-0001' }),
    );
    const answer = await proxy(post(TEMPLATE));
    expect(answer.headers.get('x-request-id')).toBe('gw-7f3a-0001');
    expect(logs).toEqual([expect.objectContaining({ requestId: 'gw-7f3a-0001', outcome: 'forwarded' })]);
  });

  it.each([
    ['none', {}],
    ['one with a space', { 'X-Request-Id': 'two words' }],
    ['one past 128 characters', { 'X-Request-Id': 'x'.repeat(129) }],
    ['one in Latin-1', { 'X-Request-Id': 'r\u00e9f' }],
  ])('is the proxy’s own, a fresh UUID, when upstream sends %s', async (_, headers) => {
    const { proxy, logs } = await proxyTo((_, response) => send(response, 200, ok, headers));
    const first = await proxy(post(TEMPLATE));
    const second = await proxy(post(TEMPLATE));
    const ids = [first, second].map((answer) => answer.headers.get('x-request-id'));
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    expect(logs.map((entry) => entry.requestId)).toEqual(ids);
  });

  it('keeps upstream’s at the longest usable length', async () => {
    const id = 'y'.repeat(128);
    const { proxy } = await proxyTo((_, response) => send(response, 200, ok, { 'X-Request-Id': id }));
    expect((await proxy(post(TEMPLATE))).headers.get('x-request-id')).toBe(id);
  });

  it('is on the proxy’s own refusals, each matching its log entry', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), {
      limits: { perVisitor: { points: 1, duration: 60 }, visitorKey: () => 'the-visitor' },
    });
    const answers = [
      await proxy(post(`${PROXY}/nowhere`)), // 404
      await proxy(post(`${PROXY}/api/v2/rpc/record/getRecords`)), // 403
      await proxy(new Request(TEMPLATE)), // 405
      await proxy(post(TEMPLATE, '[1]')), // 400 (the visitor's one call)
      await proxy(post(TEMPLATE)), // 429
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 403, 405, 400, 429]);
    const ids = answers.map((answer) => answer.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(logs.map((entry) => entry.requestId)).toEqual(ids);
    expect(upstream.requests).toHaveLength(0);
  });

  it('is on a replay, a new one: the log entry of the resend, not of the first call', async () => {
    const { proxy, logs } = await proxyTo((_, response) =>
      send(response, 200, { ...ok, data: { record_id: 1 } }),
    );
    const keyed = () =>
      proxy(
        post(
          `${PROXY}/api/v2/rpc/record/addRecord`,
          { tpl_id: 1 },
          { 'Idempotency-Key': '"0b6f3c2e-5d1a-4c8e-9f7b"' },
        ),
      );
    const first = await keyed();
    const replayed = await keyed();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const ids = [first, replayed].map((answer) => answer.headers.get('x-request-id'));
    expect(ids[1]).toMatch(UUID);
    expect(ids[1]).not.toBe(ids[0]);
    expect(logs.map((entry) => [entry.outcome, entry.requestId])).toEqual([
      ['forwarded', ids[0]],
      ['replayed', ids[1]],
    ]);
  });

  it('is on the health check', async () => {
    const { proxy } = await proxyTo((_, response) => send(response, 200, ok));
    expect((await proxy(new Request(`${PROXY}/health`))).headers.get('x-request-id')).toMatch(UUID);
  });
});

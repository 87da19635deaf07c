import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiProxy } from '../../src/server/index.js';
import { resolveProxyOptions } from '../../src/server/proxy-options.js';
import { MAX_BODY_DEPTH } from '../../src/server/request-body.js';
import { serveHandler } from '../support/serve-handler.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY, PROXY, post, proxyTo, recordingStore, TEMPLATE } from './proxy-kit.js';

const ADD_RECORD = `${PROXY}/api/v2/rpc/record/addRecord`;
const KEY = { 'Idempotency-Key': '"0b6f3c2e-5d1a-4c8e-9f7b-2a4d6e8c0b1f"' };
const stored = { code: 0, message: 'ok', data: { record_id: 1 } };

/** A field value nested `depth` arrays deep, in an addRecord body of a form with a marker field. */
const nested = (depth: number) =>
  `{"tpl_id":7001,"code_id":8001,"fields":[{"field_id":1,"field_value":${'['.repeat(depth - 3)}1${']'.repeat(depth - 3)}}]}`;

describe('a body the proxy cannot handle is a 400 before any key state is kept', () => {
  it(`refuses a body nested 100 000 deep (past ${MAX_BODY_DEPTH} levels), touching no key, and says why in the log`, async () => {
    const events: string[] = [];
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, stored), {
      store: recordingStore(events),
      idempotency: { markerField: { 7001: 7104 } },
    });
    const answer = await proxy(post(ADD_RECORD, nested(100_000), KEY));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 400, error_code: 100301 });
    expect(upstream.requests).toHaveLength(0);
    expect(events).toEqual([]);
    expect(logs).toEqual([
      expect.objectContaining({
        outcome: 'invalid',
        status: 400,
        detail: `the body must nest at most ${MAX_BODY_DEPTH} levels`,
      }),
    ]);
    // Nothing was kept: the same key with a body the proxy can handle goes upstream.
    expect((await proxy(post(ADD_RECORD, nested(MAX_BODY_DEPTH), KEY))).status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });

  it(`takes ${MAX_BODY_DEPTH} levels and refuses ${MAX_BODY_DEPTH + 1}, brackets inside strings not counted`, async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, stored));
    const inStrings = JSON.stringify({ tpl_id: 1, text: `"${'[{'.repeat(200)}` });
    const statuses = [];
    for (const body of [nested(MAX_BODY_DEPTH), nested(MAX_BODY_DEPTH + 1), inStrings])
      statuses.push((await proxy(post(TEMPLATE, body))).status);
    expect(statuses).toEqual([200, 400, 200]);
    expect(upstream.requests.map((request) => request.body)).toEqual([nested(MAX_BODY_DEPTH), inStrings]);
  });
});

describe('the body deadline (bodyTimeoutMs, default 10 s)', () => {
  it('is 10 000 ms by default', () => {
    expect(resolveProxyOptions({ apiKey: API_KEY, allow: 'form' }).bodyTimeoutMs).toBe(10_000);
  });

  it('cuts a body that stops arriving with a 408 envelope, at the deadline, never upstream', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, stored), {
      bodyTimeoutMs: 300,
    });
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"tpl_id":')),
      cancel: () => {
        cancelled = true;
      },
    });
    const started = performance.now();
    const answer = await proxy(
      new Request(TEMPLATE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stalled,
        duplex: 'half',
      } as RequestInit),
    );
    const waited = performance.now() - started;
    expect(answer.status).toBe(408);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await answer.json()).toEqual({
      code: 408,
      message: 'Request timeout',
      message_detail: 'the body did not arrive within 300 ms',
    });
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(5_000);
    expect(cancelled).toBe(true);
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'invalid', status: 408 })]);
  });
});

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

/** The proxy on a loopback port through @hono/node-server, as a Node app serves it. */
async function served(options: Partial<Parameters<typeof createApiProxy>[0]>) {
  const upstream = await startTestServer((_, response) => send(response, 200, stored));
  const server = await serveHandler(
    createApiProxy({
      apiKey: API_KEY,
      allow: 'form',
      upstream: upstream.url,
      limits: { perVisitor: false },
      ...options,
    }),
  );
  closers.push(server.close, upstream.close);
  return { port: Number(new URL(server.url).port), upstream };
}

/**
 * A raw HTTP/1.1 call that sends `head`, then `drip` one byte at a time every `everyMs` until the
 * server closes the connection: what the server answered, and when it closed (never by this side).
 */
function dripping(port: number, head: string, everyMs: number) {
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const started = performance.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const drip = setInterval(() => socket.writable && socket.write('x'), everyMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => {}); // a write racing the server's close; 'close' follows
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ answer, closedAfterMs: performance.now() - started });
    });
    setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      reject(new Error(`the server kept the connection open; it answered ${JSON.stringify(answer)}`));
    }, 20_000).unref();
  });
}

const headOf = (headers: string) =>
  `POST /caoliao/api/v2/rpc/forms/getTemplate HTTP/1.1\r\nHost: proxy.test\r\nContent-Type: application/json\r\n${headers}\r\n`;

describe('through a real @hono/node-server on loopback', () => {
  it('a body dripping a byte at a time is cut at the deadline: a 408, then the connection closed', async () => {
    const { port, upstream } = await served({ bodyTimeoutMs: 500 });
    const { answer, closedAfterMs } = await dripping(port, headOf('Content-Length: 1000\r\n'), 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('"message_detail":"the body did not arrive within 500 ms"');
    expect(closedAfterMs).toBeGreaterThanOrEqual(490);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ['its Content-Length', headOf('Content-Length: 100000\r\n')],
    [
      'what arrives (chunked, no length)',
      `${headOf('Transfer-Encoding: chunked\r\n')}1000\r\n${'x'.repeat(64)}`,
    ],
  ])('a body over maxBodyBytes by %s: a 413, then the connection closed', async (_, head) => {
    const { port, upstream } = await served({ maxBodyBytes: 16, bodyTimeoutMs: 60_000 });
    const { answer } = await dripping(port, head, 50);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).not.toMatch(/keep-alive/i);
    expect(upstream.requests).toHaveLength(0);
  });
});

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorJSON, readApiResponse } from '../../src/core/index.js';
import { keyRuns } from './key-runs.js';

const ENDPOINT = '/api/v2/rpc/record/addRecord';
const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `head` followed by `fill` up to `totalBytes`, made as it is pulled; it counts what was pulled. */
function endlessBody(head: string, fill: string, totalBytes: number) {
  const encoder = new TextEncoder();
  const filler = encoder.encode(fill.repeat(Math.ceil(CHUNK / fill.length)).slice(0, CHUNK));
  const state = { pulled: 0, cancelled: false };
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = first ? encoder.encode(head) : filler;
      first = false;
      if (state.pulled >= totalBytes) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function failure(response: Response, secret?: string): Promise<ApiError> {
  const outcome = await readApiResponse(response, ENDPOINT, { secret }).then(
    (data) => new Error(`resolved with ${JSON.stringify(data)?.slice(0, 100)}`),
    (thrown: unknown) => thrown,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}

const fields = (error: ApiError): Omit<ApiErrorJSON, 'name' | 'message'> => {
  const { name, message, ...rest } = error.toJSON();
  return rest;
};

describe('readApiResponse reads a bounded part of a huge body', () => {
  it.each([
    ['a 200 MB HTML 200', 200, '<!doctype html><title>Login</title>', 'x', 'invalid-response', undefined],
    ['a 200 MB HTML 502', 502, '<html><h1>502</h1>', 'x', 'http', 502],
  ])('%s: stops after a few KB and cancels the rest', async (_, status, head, fill, kind, code) => {
    const { stream, state } = endlessBody(head, fill, 200 * MiB);
    const error = await failure(new Response(stream, { status }));
    expect(fields(error)).toEqual({
      kind,
      code,
      status,
      detail: expect.stringContaining(head),
      endpoint: ENDPOINT,
    });
    expect(error.detail?.length).toBeLessThanOrEqual(200);
    expect(state.pulled).toBeLessThan(4 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it.each([
    ['a 200 whose JSON inflates to 300 MB', 200, '{"code":0,"data":"', 'invalid-response', undefined],
    ['a 400 envelope whose message inflates to 300 MB', 400, '{"code":400,"message":"', 'http', 400],
    ['a 502 of 300 MB of whitespace', 502, ' ', 'http', 502],
  ])('%s: stops near 1 MiB and cancels the rest', async (_, status, head, kind, code) => {
    const { stream, state } = endlessBody(head, head === ' ' ? ' ' : 'a', 300 * MiB);
    const error = await failure(new Response(stream, { status }));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(state.pulled).toBeGreaterThanOrEqual(MiB);
    expect(state.pulled).toBeLessThan(MiB + 4 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it('takes no envelope from a body that goes on past the cap, even one that opens as a success', async () => {
    const { stream, state } = endlessBody('{"code":0,"data":{"id":1}}', ' ', 300 * MiB);
    const error = await failure(new Response(stream, { status: 200 }));
    expect(fields(error)).toEqual({
      kind: 'invalid-response',
      status: 200,
      detail: '{"code":0,"data":{"id":1}}',
      endpoint: ENDPOINT,
    });
    expect(state.cancelled).toBe(true);
  });

  it('reads the whole text of a Response without a body stream (React Native)', async () => {
    const text = async () => '{"code":400,"error_code":100308,"message":"Required field is empty"}';
    const response = { status: 400, ok: false, headers: new Headers(), body: undefined, text };
    const error = await failure(response as unknown as Response);
    expect(fields(error)).toMatchObject({ kind: 'api', code: 400, errorCode: 100308 });
  });

  it('still reads a whole envelope that fits, in many small chunks split inside characters', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ code: 400, error_code: 100308, message: '必填项为空'.repeat(1000) }),
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7));
        controller.close();
      },
    });
    const error = await failure(new Response(stream, { status: 400 }));
    expect(fields(error)).toMatchObject({ kind: 'api', code: 400, errorCode: 100308 });
    expect(error.serverMessage?.startsWith('必填项为空必填项为空')).toBe(true);
    expect(error.serverMessage).not.toContain('\uFFFD');
  });

  it('reads a body of exactly the cap as complete', async () => {
    const head = '{"code":400,"message":"';
    const text = `${head}${'a'.repeat(MiB - head.length - 2)}"}`;
    expect(new TextEncoder().encode(text).length).toBe(MiB);
    const error = await failure(new Response(text, { status: 400 }));
    expect(error).toMatchObject({ kind: 'api', code: 400 });
  });
});

describe('readApiResponse takes anything as a message', () => {
  const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;

  it.each([
    ['message', `{"code":400,"error_code":100301,"message":${nested}}`],
    ['message_detail', `{"code":400,"error_code":100301,"message":"bad","message_detail":${nested}}`],
    ['message and data', `{"code":400,"error_code":100301,"message":${nested},"data":${nested}}`],
  ])('a 5,000-level nested array as %s is an api error with its code kept', async (_, body) => {
    const error = await failure(new Response(body, { status: 400 }));
    expect(fields(error)).toMatchObject({ kind: 'api', code: 400, errorCode: 100301, status: 400 });
    expect((error.serverMessage ?? '').length).toBeLessThanOrEqual(1000);
    expect((error.detail ?? '').length).toBeLessThanOrEqual(1000);
    expect(error.message.length).toBeLessThan(2100);
  });

  it('a nested message on a code-0 envelope of a 500 is an http error', async () => {
    const error = await failure(new Response(`{"code":0,"message":${nested}}`, { status: 500 }));
    expect(fields(error)).toMatchObject({ kind: 'http', code: 500, status: 500 });
  });

  it('resolves deeply nested data on success', async () => {
    const data = await readApiResponse(new Response(`{"code":0,"data":${nested}}`), ENDPOINT);
    expect(Array.isArray(data)).toBe(true);
  });
});

describe('readApiResponse redacts the secret before it cuts', () => {
  // Visible ASCII with the characters URL and JSON encodings change.
  const KEY = 'sk_live_7Qm/2x+Yp=Zr"Kd\\8wNf%Tb3Hj&Lc9Vs';

  const texts = (error: ApiError) => [
    error.serverMessage ?? '',
    error.detail ?? '',
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
  ];

  it('has a 40-character key', () => {
    expect(KEY).toHaveLength(40);
  });

  // The key spans at + 7 … at + 47: the cut after 999 characters falls inside it.
  it.each([960, 970, 980, 990])(
    'a message and a detail that echo Bearer <key> at %i, where the 1,000-character cut falls',
    async (at) => {
      const message = `${'m'.repeat(at)}Bearer ${KEY} ${'r'.repeat(100)}`;
      const detail = `${'d'.repeat(at)}Bearer ${KEY}`;
      const body = JSON.stringify({ code: 401, error_code: 100315, message, message_detail: detail });
      const error = await failure(new Response(body, { status: 401 }), KEY);
      expect(error).toMatchObject({ kind: 'api', code: 401, errorCode: 100315 });
      for (const text of texts(error)) expect(keyRuns(text, KEY)).toEqual([]);
      expect(error.serverMessage).toContain('Bearer [');
      expect(error.serverMessage).toHaveLength(1000);
    },
  );

  it.each([165, 180, 190])('an HTML page that echoes the key at %i of its excerpt', async (at) => {
    const html = `<html>${'h'.repeat(at - 6)}${KEY}</html>`;
    const error = await failure(new Response(html, { status: 502 }), KEY);
    expect(error).toMatchObject({ kind: 'http', code: 502 });
    for (const text of texts(error)) expect(keyRuns(text, KEY)).toEqual([]);
    // Redacted first, cut after: what follows the key is still shown.
    const redacted = `<html>${'h'.repeat(at - 6)}[redacted]</html>`;
    expect(error.detail).toBe(redacted.length > 200 ? `${redacted.slice(0, 199)}…` : redacted);
  });

  it('URL-encoded and JSON-escaped copies, and a key cut at the edge', async () => {
    const message = `url=https://x.test/?k=${encodeURIComponent(KEY)} json=${JSON.stringify(KEY).replaceAll('/', '\\/')}`;
    const body = JSON.stringify({
      code: 400,
      message,
      message_detail: { echo: { authorization: `Bearer ${KEY}` }, tail: KEY.slice(0, 12) },
    });
    const error = await failure(new Response(body, { status: 400 }), KEY);
    for (const text of texts(error)) expect(keyRuns(text, KEY)).toEqual([]);
    expect(error.serverMessage).toBe('url=https://x.test/?k=[redacted] json="[redacted]"');
  });

  it('an excerpt of a 2xx that is not an envelope', async () => {
    const error = await failure(new Response(`token ${KEY} accepted`, { status: 200 }), KEY);
    expect(error).toMatchObject({ kind: 'invalid-response', detail: 'token [redacted] accepted' });
  });
});

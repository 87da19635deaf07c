import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { ApiError } from '../../src/core/index.js';
import { createApiProxy } from '../../src/server/index.js';
import { serveHandler } from '../support/serve-handler.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY } from './proxy-kit.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function listen(proxy: (request: Request) => Promise<Response>): Promise<string> {
  const { url, close } = await serveHandler(proxy);
  closers.push(close);
  return url;
}

/** What the browser client makes of one upstream answer: directly from the API, and through the proxy. */
async function bothWays(answer: Parameters<typeof startTestServer>[0]) {
  const upstream = await startTestServer(answer);
  closers.push(upstream.close);
  const proxyUrl = await listen(
    createApiProxy({
      apiKey: API_KEY,
      allow: 'form',
      upstream: upstream.url,
      limits: { perVisitor: false, maxWaitMs: 0 },
    }),
  );
  const fail = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: ApiError) => error,
    );
  const direct = await fail(
    createApiClient({ baseUrl: upstream.url, apiKey: API_KEY }).getTemplate({ tpl_id: 1 }),
  );
  const proxied = await fail(createApiClient({ baseUrl: `${proxyUrl}/caoliao` }).getTemplate({ tpl_id: 1 }));
  return { direct, proxied, upstream };
}

const seen = (error: ApiError | undefined) =>
  error && {
    kind: error.kind,
    status: error.status,
    code: error.code,
    errorCode: error.errorCode,
    serverMessage: error.serverMessage,
    detail: error.detail,
    retryAfterMs: error.retryAfterMs,
  };

describe('the browser client through the proxy reads what it reads from the API', () => {
  it.each([
    [
      'a 429 with Retry-After',
      (_: unknown, r: Parameters<typeof send>[0]) =>
        send(r, 429, { code: 429, message: 'Too Many Requests' }, { 'Retry-After': '3' }),
    ],
    [
      'the gateway’s HTML 502',
      (_: unknown, r: Parameters<typeof send>[0]) =>
        send(r, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>'),
    ],
    [
      'an envelope error',
      (_: unknown, r: Parameters<typeof send>[0]) =>
        send(r, 400, { code: 400, error_code: 100304, message: '表单不存在', message_detail: 'tpl_id 1' }),
    ],
    [
      'a 401 of the key',
      (_: unknown, r: Parameters<typeof send>[0]) =>
        send(r, 401, { code: 401, error_code: 100315, message: 'API Key 无效' }),
    ],
  ])('%s', async (_, answer) => {
    const { direct, proxied, upstream } = await bothWays(answer);
    expect(direct).toBeInstanceOf(ApiError);
    expect(proxied).toBeInstanceOf(ApiError);
    expect(seen(proxied)).toEqual({ ...seen(direct) });
    expect(upstream.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${API_KEY}`,
      `Bearer ${API_KEY}`,
    ]);
  });

  it('a 429 reaches it with its exact Retry-After (retryAfterMs 3000)', async () => {
    const { proxied } = await bothWays((_, r) => send(r, 429, { code: 429 }, { 'Retry-After': '3' }));
    expect(proxied).toMatchObject({ kind: 'api', status: 429, code: 429, retryAfterMs: 3000 });
  });

  it('the HTML 502 stays an http 502, not a 500', async () => {
    const { proxied } = await bothWays((_, r) => send(r, 502, '<html><body>Bad Gateway</body></html>'));
    expect(proxied).toMatchObject({ kind: 'http', status: 502 });
  });

  it('a success is the same data', async () => {
    const upstream = await startTestServer((_, r) =>
      send(r, 200, { code: 0, message: 'ok', data: { 名: '张三', n: 1 } }),
    );
    closers.push(upstream.close);
    const proxyUrl = await listen(createApiProxy({ apiKey: API_KEY, allow: 'form', upstream: upstream.url }));
    const data = await createApiClient({ baseUrl: `${proxyUrl}/caoliao` }).getTemplate({ tpl_id: 1 });
    expect(data).toEqual({ 名: '张三', n: 1 });
    const health = await fetch(`${proxyUrl}/caoliao/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('the proxy’s own refusals read as API errors: 403 outside allow, local 429 of the visitor limit', async () => {
    const upstream = await startTestServer((_, r) => send(r, 200, { code: 0, data: {} }));
    closers.push(upstream.close);
    const proxyUrl = await listen(
      createApiProxy({
        apiKey: API_KEY,
        allow: ['getTemplate'],
        upstream: upstream.url,
        // One visitor: every call comes from this test.
        limits: { perVisitor: { points: 1, duration: 60 }, visitorKey: () => 'the-visitor' },
      }),
    );
    const client = createApiClient({ baseUrl: `${proxyUrl}/caoliao` });
    await expect(client.getRecords({})).rejects.toMatchObject({ kind: 'api', status: 403, code: 403 });
    await client.getTemplate({ tpl_id: 1 });
    const limited = await client.getTemplate({ tpl_id: 1 }).catch((error: ApiError) => error);
    expect(limited).toMatchObject({ kind: 'api', status: 429, code: 429 });
    expect((limited as ApiError).retryAfterMs).toBeGreaterThan(50_000);
    expect(upstream.requests).toHaveLength(1);
  });
});

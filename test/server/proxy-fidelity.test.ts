import { describe, expect, it } from 'vitest';
import { createApiProxy } from '../../src/server/index.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

const GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';

describe('upstream answers reach the browser as they left upstream', () => {
  it.each([
    ['a success', 200, { code: 0, message: 'ok', data: { 名: '张三' } }, {}],
    ['an envelope error', 400, { code: 400, error_code: 100304, message: '表单不存在' }, {}],
    ['a 429 with Retry-After', 429, { code: 429, message: 'Too Many Requests' }, { 'Retry-After': '7' }],
    ['the gateway’s bare HTML 502', 502, GATEWAY_HTML, {}],
    ['an empty 404', 404, '', { 'content-type': 'text/plain' }],
  ])('%s: same status, bytes, Content-Type and Retry-After', async (_, status, body, headers) => {
    const { proxy, logs } = await proxyTo((_, response) => send(response, status, body, headers));
    const answer = await proxy(post(TEMPLATE));
    const expectedText = typeof body === 'string' ? body : JSON.stringify(body);
    expect(answer.status).toBe(status);
    expect(await answer.text()).toBe(expectedText);
    const type =
      typeof body === 'string'
        ? ((headers as Record<string, string>)['content-type'] ?? 'text/html; charset=utf-8')
        : 'application/json';
    expect(answer.headers.get('content-type')).toBe(type);
    expect(answer.headers.get('retry-after')).toBe(
      (headers as Record<string, string>)['Retry-After'] ?? null,
    );
    expect(logs).toEqual([
      expect.objectContaining({
        endpoint: 'getTemplate',
        outcome: 'forwarded',
        status,
        upstreamStatus: status,
      }),
    ]);
  });

  it('keeps hop-by-hop headers, Set-Cookie and the rest of upstream’s headers to itself', async () => {
    const { proxy } = await proxyTo((_, response) => {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        Connection: 'keep-alive, X-Secret-Hop',
        'Keep-Alive': 'timeout=5',
        'X-Secret-Hop': '1',
        Trailer: 'X-Checksum',
        Upgrade: 'h2c',
        'Proxy-Authenticate': 'Basic',
        'Set-Cookie': ['upstream_session=1; HttpOnly', 'b=2'],
        'Content-Encoding': 'identity',
        'X-Powered-By': 'PHP/8',
        'Cache-Control': 'no-store',
        'X-Request-Id': 'req-1',
      });
      response.end('{"code":0,"data":{}}');
    });
    const answer = await proxy(post(TEMPLATE));
    expect(Object.fromEntries(answer.headers)).toEqual({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-request-id': 'req-1',
    });
    expect(await answer.text()).toBe('{"code":0,"data":{}}');
  });

  it('passes a chunked answer on whole, without Transfer-Encoding', async () => {
    const { proxy } = await proxyTo((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      response.write('{"code":0,');
      setTimeout(() => response.end('"data":{"a":1}}'), 20);
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.headers.get('transfer-encoding')).toBeNull();
    expect(await answer.json()).toEqual({ code: 0, data: { a: 1 } });
  });

  it('does not follow a redirect: a 3xx becomes a 502 envelope and the key stays home', async () => {
    let followed = 0;
    const { proxy, upstream } = await proxyTo((request, response) => {
      if (request.path.startsWith('/elsewhere')) {
        followed++;
        return send(response, 200, { code: 0, data: {} });
      }
      response.writeHead(307, { Location: '/elsewhere' });
      response.end();
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ code: 502, message_detail: 'upstream redirected' });
    expect(answer.headers.get('location')).toBeNull();
    expect(followed).toBe(0);
    expect(upstream.requests).toHaveLength(1);
  });

  it('answers an answer over maxAnswerBytes with a 502 envelope', async () => {
    const { proxy } = await proxyTo((_, response) => send(response, 200, { data: 'x'.repeat(2000) }), {
      maxAnswerBytes: 1000,
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: 'upstream answer too large' });
  });
});

describe('when upstream does not answer', () => {
  it('unreachable: a 502 envelope saying so', async () => {
    const closed = await startTestServer(() => {});
    await closed.close();
    const logs: unknown[] = [];
    const proxy = createApiProxy({
      apiKey: API_KEY,
      allow: 'form',
      upstream: closed.url,
      log: (e) => logs.push(e),
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer.json()).toEqual({
      code: 502,
      message: 'Bad gateway',
      message_detail: 'upstream unreachable',
    });
    expect(logs).toEqual([expect.objectContaining({ outcome: 'upstream-unreachable', status: 502 })]);
  });

  it('too slow to answer: a 502 envelope after timeoutMs', async () => {
    const { proxy, logs } = await proxyTo(() => {}, { timeoutMs: 150 });
    const started = performance.now();
    const answer = await proxy(post(TEMPLATE));
    const waited = performance.now() - started;
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: 'upstream timed out' });
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2000);
    expect(logs[0]).toMatchObject({ outcome: 'upstream-timeout' });
  });

  it('too slow with its body: the timeout covers the whole answer', async () => {
    const { proxy } = await proxyTo(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"code":0,');
      },
      { timeoutMs: 150 },
    );
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ message_detail: 'upstream timed out' });
  });

  it('stops waiting when the browser goes away', async () => {
    const { proxy, logs } = await proxyTo(() => {});
    const controller = new AbortController();
    const request = new Request(post(TEMPLATE), { signal: controller.signal });
    const answer = proxy(request);
    setTimeout(() => controller.abort(), 50);
    expect((await answer).status).toBe(502);
    expect(logs[0]).toMatchObject({ outcome: 'aborted' });
  });
});

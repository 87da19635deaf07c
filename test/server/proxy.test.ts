import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS } from '../../src/core/max-timer.js';
import { createApiProxy } from '../../src/server/index.js';
import { send } from '../support/test-server.js';
import { API_KEY, PROXY, post, proxyTo, TEMPLATE } from './proxy-kit.js';

const ok = { code: 0, message: 'ok', data: { version: '1' } };

describe('createApiProxy at creation', () => {
  const base = { apiKey: API_KEY, allow: 'form' as const };

  it.each([
    ['a key with a space', { apiKey: `${API_KEY} x` }, /apiKey/],
    ['a key with a line break', { apiKey: `${API_KEY}\n` }, /apiKey/],
    ['no allow', { allow: undefined }, /allow is required/],
    ['an empty allow', { allow: [] }, /non-empty/],
    ['an unknown preset', { allow: 'everything' }, /no such preset \(form, desk\)/],
    ['the key given as allow by mistake', { allow: API_KEY }, /no such preset/],
    ['an unknown endpoint', { allow: ['getTemplate', 'getRecordz'] }, /allow\[1\] is not an endpoint/],
    ['a relative upstream', { upstream: '/api' }, /upstream/],
    ['an ftp upstream', { upstream: 'ftp://open.cli.im' }, /http or https/],
    [
      'an upstream with credentials',
      { upstream: `https://user:${encodeURIComponent(API_KEY)}@open.cli.im` },
      /credentials/,
    ],
    [
      'an upstream with only a password',
      { upstream: `https://:${encodeURIComponent(API_KEY)}@open.cli.im` },
      /credentials/,
    ],
    ['a bad path', { paths: { verifyCertificate: 'certificate/verify' } }, /paths.verifyCertificate/],
    ['an unknown path name', { paths: { verify: '/x' } }, /a name is not an endpoint/],
    [
      'two endpoints on one path',
      { paths: { getRecord: '/api/v2/rpc/record/getRecords' } },
      /share one path/,
    ],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs/],
    ['a timeout past setTimeout’s limit', { timeoutMs: MAX_TIMER_MS + 1 }, /timeoutMs/],
    ['a zero body deadline', { bodyTimeoutMs: 0 }, /bodyTimeoutMs/],
    ['a body deadline past setTimeout’s limit', { bodyTimeoutMs: MAX_TIMER_MS + 1 }, /bodyTimeoutMs/],
    ['a negative body cap', { maxBodyBytes: -1 }, /maxBodyBytes/],
    ['forwarding cookies', { forwardHeaders: ['Cookie'] }, /cannot be forwarded/],
    ['forwarding a proxy header', { forwardHeaders: ['Proxy-Authorization'] }, /cannot be forwarded/],
    ['an authorize that is no function', { authorize: true }, /authorize/],
  ])('refuses %s with a TypeError that never quotes the key', (_, bad, message) => {
    const create = () => createApiProxy({ ...base, ...bad } as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(message);
    try {
      create();
    } catch (thrown) {
      expect(String((thrown as Error).message)).not.toContain('DO_NOT_LEAK');
      expect(String((thrown as Error).stack)).not.toContain('DO_NOT_LEAK');
    }
  });

  it('takes a preset, a list of names, an upstream with a path, and the client’s paths', () => {
    expect(typeof createApiProxy({ ...base, allow: 'desk' })).toBe('function');
    expect(typeof createApiProxy({ ...base, timeoutMs: MAX_TIMER_MS, bodyTimeoutMs: MAX_TIMER_MS })).toBe(
      'function',
    );
    expect(
      typeof createApiProxy({ ...base, allow: ['getRecords'], upstream: 'http://127.0.0.1:1/base/' }),
    ).toBe('function');
  });
});

describe('which endpoint a path names', () => {
  it.each([
    ['/caoliao', '/caoliao/api/v2/rpc/forms/getTemplate'],
    ['no prefix', '/api/v2/rpc/forms/getTemplate'],
    ['a deep prefix', '/apps/form/v1/caoliao/api/v2/rpc/forms/getTemplate'],
  ])('forwards a call under %s to the API’s own path upstream', async (_, path) => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok));
    const answer = await proxy(post(`http://proxy.test${path}`));
    expect(answer.status).toBe(200);
    expect(upstream.requests.map((request) => request.path)).toEqual(['/api/v2/rpc/forms/getTemplate']);
  });

  it('forwards to an upstream with a path of its own', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok));
    const prefixed = createApiProxy({ apiKey: API_KEY, allow: 'form', upstream: `${upstream.url}/gateway/` });
    await prefixed(post(TEMPLATE));
    await proxy(post(TEMPLATE));
    expect(upstream.requests.map((request) => request.path)).toEqual([
      '/gateway/api/v2/rpc/forms/getTemplate',
      '/api/v2/rpc/forms/getTemplate',
    ]);
  });

  it('recognises the configured certificate path and forwards to it', async () => {
    const path = '/api/v1/certificate/verification';
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok), {
      allow: 'desk',
      paths: { verifyCertificate: path },
    });
    expect((await proxy(post(`${PROXY}${path}`, { certificate_code: 'c' }))).status).toBe(200);
    expect((await proxy(post(`${PROXY}/api/v2/rpc/certificate/verify`))).status).toBe(404);
    expect(upstream.requests.map((request) => request.path)).toEqual([path]);
  });

  it('answers an unknown path with a 404 envelope, without upstream', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok));
    for (const path of [
      '/caoliao/api/v2/rpc/forms/getTemplates',
      '/caoliao/api/v2/rpc/forms/getTemplate/',
      '/',
    ]) {
      const answer = await proxy(post(`http://proxy.test${path}`));
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ code: 404, message_detail: 'no such endpoint' });
    }
    expect(upstream.requests).toHaveLength(0);
    expect(logs.map((entry) => entry.outcome)).toEqual(['invalid', 'invalid', 'invalid']);
  });
});

describe('allow', () => {
  it.each([
    ['form', ['getTemplate', 'getQrcodeContent', 'addRecord']],
    ['desk', ['verifyCertificate', 'getRecord', 'getQrcodeContent']],
  ] as const)('the %s preset serves exactly %j', async (preset, served) => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok), { allow: preset });
    const { DEFAULT_PATHS } = await import('../../src/client/index.js');
    const statuses = Object.fromEntries(
      await Promise.all(
        Object.entries(DEFAULT_PATHS).map(async ([name, path]) => [
          name,
          (await proxy(post(`${PROXY}${path}`))).status,
        ]),
      ),
    );
    const expected = Object.fromEntries(Object.keys(DEFAULT_PATHS).map((name) => [name, 403]));
    for (const name of served) expected[name] = 200;
    expect(statuses).toEqual(expected);
    expect(upstream.requests).toHaveLength(served.length);
  });

  it('refuses an endpoint outside a list with a 403 envelope, never upstream', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), {
      allow: ['getTemplate'],
    });
    const answer = await proxy(post(`${PROXY}/api/v2/rpc/record/getRecords`, {}));
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer.json()).toMatchObject({ code: 403, message: 'Forbidden' });
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([
      expect.objectContaining({ endpoint: 'getRecords', outcome: 'refused', status: 403 }),
    ]);
  });
});

describe('authorize', () => {
  it('is asked with the request and the endpoint, and true lets the call through', async () => {
    const asked: [string, string][] = [];
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok), {
      authorize: (request, endpoint) => {
        asked.push([request.headers.get('cookie') ?? '', endpoint]);
        return true;
      },
    });
    expect((await proxy(post(TEMPLATE, { tpl_id: 1 }, { cookie: 'session=1' }))).status).toBe(200);
    expect(asked).toEqual([['session=1', 'getTemplate']]);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each([
    ['false', () => false, 403, null],
    ['a promise of false', async () => false, 403, null],
    ['undefined (not true)', () => undefined as never, 403, null],
    [
      'a 401 Response',
      () => new Response('login', { status: 401, headers: { 'WWW-Authenticate': 'Cookie' } }),
      401,
      'Cookie',
    ],
    ['a 302 to a login page', () => Response.redirect('http://proxy.test/login', 302), 403, null],
  ])('refuses on %s with an envelope, never upstream', async (_, authorize, status, challenge) => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), { authorize });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('www-authenticate')).toBe(challenge);
    expect(await answer.json()).toMatchObject({ code: status });
    expect(upstream.requests).toHaveLength(0);
    expect(logs[0]).toMatchObject({ outcome: 'refused', status });
  });

  it('answers a 500 envelope without details when it throws, and logs an error', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), {
      authorize: () => {
        throw new Error(`session store down: ${API_KEY}`);
      },
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ code: 500, message: 'Internal server error' });
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'error', status: 500, failed: 'authorize' })]);
    expect(JSON.stringify(logs)).not.toContain('session store');
  });

  it('lets a call through as the identity it establishes', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), {
      authorize: () => ({ identity: 'user-1' }),
    });
    expect((await proxy(post(TEMPLATE))).status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    expect(logs[0]).toMatchObject({ outcome: 'forwarded' });
  });

  it.each([
    ['an empty identity', { identity: '' }],
    ['an identity that is no string', { identity: 7 }],
    ['an undefined identity (a session without its user id)', { identity: undefined }],
  ])('answers %s with a 500 envelope naming authorize in the log, never upstream', async (_, verdict) => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok), {
      authorize: () => verdict as never,
    });
    const answer = await proxy(post(TEMPLATE));
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ code: 500, message: 'Internal server error' });
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([
      expect.objectContaining({
        outcome: 'error',
        failed: 'authorize',
        detail: 'authorize returned an identity that is not a non-empty string',
      }),
    ]);
  });

  it('scopes idempotency keys by that identity: another caller’s key never replays this one’s outcome', async () => {
    let records = 0;
    const { proxy, upstream } = await proxyTo(
      (_, response) => send(response, 200, { code: 0, message: 'ok', data: { record_id: ++records } }),
      { authorize: (request) => ({ identity: request.headers.get('x-user') ?? '' }) },
    );
    const key = { 'Idempotency-Key': '"0b6f3c2e-5d1a-4c8e-9f7b-2a4d6e8c0b1f"' };
    const addRecord = (user: string) =>
      proxy(post(`${PROXY}/api/v2/rpc/record/addRecord`, { tpl_id: 1 }, { ...key, 'X-User': user }));
    const first = await (await addRecord('alice')).json();
    const again = await addRecord('alice');
    const other = await addRecord('bob');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await other.json()).toMatchObject({ data: { record_id: 2 } });
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('what is forwarded', () => {
  it('only a POST: other methods get a 405 envelope with Allow: POST', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok));
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await proxy(new Request(TEMPLATE, { method }));
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
      expect(await answer.json()).toMatchObject({ code: 405 });
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ['not JSON', 'tpl_id=1', { 'Content-Type': 'application/json' }],
    ['JSON under another type', '{"tpl_id":1}', { 'Content-Type': 'text/plain' }],
    ['no type', '{"tpl_id":1}', { 'Content-Type': '' }],
    ['an array', '[1]', {}],
    ['a number', '1', {}],
    ['null', 'null', {}],
    ['no body', '', {}],
    ['cut JSON', '{"tpl_id":', {}],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), {}],
  ])('junk (%s) gets a 400 envelope with 100301, never upstream', async (_, body, headers) => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok));
    const request = new Request(TEMPLATE, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body as BodyInit,
    });
    if ((headers as Record<string, string>)['Content-Type'] === '') request.headers.delete('content-type');
    const answer = await proxy(request);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 400, error_code: 100301 });
    expect(upstream.requests).toHaveLength(0);
    expect(logs[0]).toMatchObject({ outcome: 'invalid', status: 400 });
  });

  it('accepts application/json with a charset, and forwards the body’s exact text', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok));
    const body = '{ "tpl_id" : 12, "名": "张三" }';
    const answer = await proxy(post(TEMPLATE, body, { 'Content-Type': 'Application/JSON; charset=utf-8' }));
    expect(answer.status).toBe(200);
    expect(upstream.requests[0]?.body).toBe(body);
  });

  it('refuses a body over maxBodyBytes with a 413, by its Content-Length or by reading no further', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok), { maxBodyBytes: 64 });
    const fits = JSON.stringify({ tpl_id: 1, pad: 'x'.repeat(64 - 21) });
    expect(fits).toHaveLength(64);
    expect((await proxy(post(TEMPLATE, fits))).status).toBe(200);
    const declared = await proxy(post(TEMPLATE, { tpl_id: 1, pad: 'x'.repeat(100) }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 413, error_code: 100301 });

    // A stream without a length that never ends: the proxy stops after the cap instead of buffering.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"pad":"' : 'xxxxxxxxxxxxxxxx'));
      },
    });
    const streamed = await proxy(
      new Request(TEMPLATE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(upstream.requests).toHaveLength(1);
  });

  it('sends the key as a bearer token and only a few of the browser’s headers', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok));
    await proxy(
      post(
        TEMPLATE,
        { tpl_id: 1 },
        {
          Authorization: 'Bearer visitor-token',
          Cookie: 'session=secret',
          'Accept-Language': 'zh-CN',
          'X-User-Id': 'u1',
          'X-Forwarded-For': '203.0.113.9',
          'X-CSRF-Token': 'csrf',
        },
      ),
    );
    const { headers } = upstream.requests[0] ?? { headers: {} };
    expect(headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['accept-language']).toBe('zh-CN');
    for (const name of ['cookie', 'x-user-id', 'x-forwarded-for', 'x-csrf-token'])
      expect(headers[name]).toBeUndefined();
  });

  it('passes the headers named in forwardHeaders (the simulator’s X-User-Id)', async () => {
    const { proxy, upstream } = await proxyTo((_, response) => send(response, 200, ok), {
      forwardHeaders: ['X-User-Id'],
    });
    await proxy(post(TEMPLATE, { tpl_id: 1 }, { 'X-User-Id': 'verifier-1' }));
    expect(upstream.requests[0]?.headers['x-user-id']).toBe('verifier-1');
  });
});

describe('the health check', () => {
  it('answers GET …/health with 200 { ok: true } without upstream', async () => {
    const { proxy, upstream, logs } = await proxyTo((_, response) => send(response, 200, ok));
    for (const url of [`${PROXY}/health`, 'http://proxy.test/health']) {
      const answer = await proxy(new Request(url));
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true });
    }
    const posted = await proxy(post(`${PROXY}/health`));
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toHaveLength(0);
  });
});

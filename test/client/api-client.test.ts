import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiClientOptions, createApiClient, DEFAULT_PATHS } from '../../src/client/index.js';
import { ApiError } from '../../src/core/index.js';
import { keyRuns } from '../core/key-runs.js';
import { type Handler, send, startTestServer } from '../support/test-server.js';

const API_KEY = 'sk_live_7f3a9c_DO_NOT_LEAK';
let servers: Awaited<ReturnType<typeof startTestServer>>[] = [];

async function serve(handler: Handler, options: ApiClientOptions = {}) {
  const server = await startTestServer(handler);
  servers.push(server);
  return { server, client: createApiClient({ baseUrl: server.url, apiKey: API_KEY, ...options }) };
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    (data) => {
      throw new Error(`resolved with ${JSON.stringify(data)}`);
    },
    (thrown: unknown) => {
      expect(thrown).toBeInstanceOf(ApiError);
      return thrown as ApiError;
    },
  );

/** Everything a developer, a log or a screen could ever see of an error. */
const everythingSeenOf = (error: ApiError) =>
  [
    error.message,
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error.cause),
  ].join('\n');

describe('createApiClient', () => {
  it('POSTs JSON to the endpoint with the key in the Authorization header', async () => {
    const { server, client } = await serve(
      (_, response) => send(response, 200, { code: 0, data: { data: { form: { id: 1 } } } }),
      {
        headers: { 'X-Trace': 'abc' },
      },
    );
    await expect(client.getTemplate({ tpl_id: 42 })).resolves.toEqual({ data: { form: { id: 1 } } });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/api/v2/rpc/forms/getTemplate',
      body: '{"tpl_id":42}',
    });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'x-trace': 'abc',
    });
  });

  it('calls every endpoint on its documented path', async () => {
    const { server, client } = await serve((_, response) => send(response, 200, { code: 0, data: null }));
    await client.getFormList();
    await client.getTemplate({ tpl_id: 1 });
    await client.addRecord({
      code_id: 1,
      tpl_id: 2,
      fields: [{ field_id: 3, field_type: 'name', field_value: '张三' }],
    });
    await client.getRecord({ record_id: 1 });
    await client.getRecords({ page_token: 'next' });
    await client.getQrcodeContent({ qrcode: 'abc' });
    await client.getQrcodeOperation({ qrcode: 'abc' });
    await client.verifyCertificate({
      certificate_code: 'https://qr.cli.im/c/1',
      action_type: 'set_next_certificate_status',
    });
    expect(server.requests.map(({ path }) => path)).toEqual(Object.values(DEFAULT_PATHS));
    expect(JSON.parse(server.requests[2]?.body ?? '')).toMatchObject({ fields: [{ field_value: '张三' }] });
  });

  it('works behind a proxy without a key, with configured paths and certificate field names', async () => {
    const { server } = await serve((_, response) => send(response, 200, { code: 0, data: { recordId: 9 } }));
    const client = createApiClient({
      baseUrl: `${server.url}/caoliao/`,
      paths: { verifyCertificate: '/api/v1/certificate/verification' },
      certificateFields: { certificate_code: 'certificateCode', action_type: 'actionType' },
    });
    await expect(
      client.verifyCertificate({
        certificate_code: 'C1',
        action_type: 'set_certificate_status',
        to_certificate_status: '已核销',
      }),
    ).resolves.toEqual({ recordId: 9 });
    const [request] = server.requests;
    expect(request?.path).toBe('/caoliao/api/v1/certificate/verification');
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.parse(request?.body ?? '')).toEqual({
      certificateCode: 'C1',
      actionType: 'set_certificate_status',
      to_certificate_status: '已核销',
    });
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const client = createApiClient({
      baseUrl: 'https://proxy.example',
      fetch: async (url) => {
        calls.push(url);
        return Response.json({ code: 0, data: 'ok' });
      },
    });
    await expect(client.getFormList({ page: 2 })).resolves.toBe('ok');
    expect(calls).toEqual(['https://proxy.example/api/v2/rpc/record/getFormList']);
  });

  it('throws an api ApiError for a JSON error body', async () => {
    const { client } = await serve((_, response) =>
      send(response, 400, {
        code: 400,
        error_code: 100308,
        message: 'Required field is empty',
        message_detail: 'field 3',
      }),
    );
    const error = await rejection(client.addRecord({ code_id: 1, tpl_id: 2, fields: [] }));
    expect(error.toJSON()).toMatchObject({
      kind: 'api',
      code: 400,
      errorCode: 100308,
      status: 400,
      detail: 'field 3',
      endpoint: '/api/v2/rpc/record/addRecord',
    });
  });

  it('throws an http ApiError for the gateway’s HTML 502', async () => {
    const { client } = await serve((_, response) =>
      send(response, 502, '<html><title>502 Bad Gateway</title></html>'),
    );
    const error = await rejection(client.getRecord({ record_id: 1 }));
    expect(error).toMatchObject({
      kind: 'http',
      code: 502,
      status: 502,
      endpoint: '/api/v2/rpc/record/getRecord',
    });
  });

  it('reads Retry-After into retryAfterMs', async () => {
    const { client } = await serve((_, response) =>
      send(response, 429, { code: 429, message: 'Too many' }, { 'Retry-After': '0' }),
    );
    const error = await rejection(client.getFormList());
    expect(error).toMatchObject({ kind: 'api', code: 429, retryAfterMs: 0 });
  });

  it('keeps the answer’s X-Request-Id as requestId, but never one that quotes the key', async () => {
    const { client } = await serve((request, response) =>
      send(
        response,
        400,
        { code: 400, error_code: 100308 },
        { 'X-Request-Id': request.path.includes('getFormList') ? 'req-7' : `id${API_KEY}` },
      ),
    );
    const error = await rejection(client.getFormList());
    expect(error).toMatchObject({ errorCode: 100308, requestId: 'req-7' });
    expect(error.toJSON()).toMatchObject({ requestId: 'req-7' });
    const echoed = await rejection(client.getTemplate({ tpl_id: 1 }));
    expect(echoed).toMatchObject({ errorCode: 100308, requestId: undefined });
    expect(everythingSeenOf(echoed)).not.toContain(API_KEY.slice(0, 8));
  });

  it('times out when no answer comes, and when the body stalls', async () => {
    const { client } = await serve(() => new Promise(() => {}), { timeoutMs: 100 });
    const started = Date.now();
    const error = await rejection(client.getFormList());
    expect(error).toMatchObject({ kind: 'timeout', endpoint: '/api/v2/rpc/record/getFormList' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);

    const stalling = await serve(
      (_, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"code":0,');
      },
      // Long enough for the headers to arrive on a loaded machine: the body is what stalls.
      { timeoutMs: 1500 },
    );
    expect(await rejection(stalling.client.getFormList())).toMatchObject({ kind: 'timeout', status: 200 });
  });

  it('reports a refused connection as a network error', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY });
    const error = await rejection(client.getFormList());
    expect(error.kind).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('aborts on the caller’s signal, whatever its reason', async () => {
    const { server, client } = await serve(() => new Promise(() => {}));
    const controller = new AbortController();
    const pending = rejection(client.getFormList({}, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort('the person left the page');
    const error = await pending;
    expect(error).toMatchObject({ kind: 'aborted', cause: 'the person left the page' });

    const before = server.requests.length;
    const already = await rejection(client.getFormList({}, { signal: AbortSignal.abort() }));
    expect(already.kind).toBe('aborted');
    expect(server.requests.length).toBe(before);
  });

  it('never lets the key out: not in message, stack, toJSON, cause — even when the server echoes it', async () => {
    const echo = await serve((request, response) =>
      send(response, 401, {
        code: 401,
        message: `bad key ${request.headers.authorization}`,
        message_detail: request.headers.authorization,
      }),
    );
    const silent = await serve(() => new Promise(() => {}), { timeoutMs: 50 });
    const echoedHtml = await serve((request, response) =>
      send(response, 502, `<pre>${request.headers.authorization}</pre>`),
    );
    const errors = [
      await rejection(echo.client.getFormList()),
      await rejection(silent.client.getFormList()),
      await rejection(echoedHtml.client.getFormList()),
      await rejection(createApiClient({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY }).getFormList()),
      await rejection(
        createApiClient({
          apiKey: API_KEY,
          fetch: async (_, init) => {
            throw new Error(`custom fetch saw ${new Headers(init.headers).get('authorization')}`);
          },
        }).getFormList(),
      ),
    ];
    expect(errors.map((error) => error.kind)).toEqual(['api', 'timeout', 'http', 'network', 'unknown']);
    for (const error of errors) expect(everythingSeenOf(error)).not.toContain(API_KEY);
    expect(errors[0]?.serverMessage).toBe('bad key Bearer [redacted]');
  });

  it('leaves no run of 8 characters of the key anywhere: cut, URL-encoded, JSON-escaped, deep in a cause', async () => {
    const key = 'sk/live+7f3a9c=DO_NOT_LEAK_4b1e';
    const options = { apiKey: key };
    const nearTheCut = `${'x'.repeat(1000 - 20)}Bearer ${key}`;
    const echo = await serve(
      (_, response) =>
        send(response, 400, {
          code: 400,
          message: nearTheCut,
          message_detail: `url=${encodeURIComponent(key)} json=${JSON.stringify(key).replaceAll('/', '\\/')}`,
        }),
      options,
    );
    const html = await serve(
      (_, response) => send(response, 502, `<p>${'y'.repeat(190)}${key}</p>`),
      options,
    );
    const failingWith = (thrown: unknown) =>
      createApiClient({
        ...options,
        fetch: async () => {
          throw thrown;
        },
      }).getFormList();
    const deep = Object.assign(new TypeError('fetch failed'), {
      request: { headers: [['authorization', `Bearer ${key}`]] },
    });
    const aggregate = new AggregateError(
      [new Error(`connect refused, sent Bearer ${key.slice(3)}`)],
      'fetch failed',
    );
    // As a browser's DOMException: the message lives on the prototype, and there is no own stack.
    const inherited = Object.create(
      Object.assign(Object.create(Error.prototype), { message: `Bearer ${key}` }),
    );

    const errors = [
      await rejection(echo.client.getFormList()),
      await rejection(html.client.getFormList()),
      await rejection(failingWith(deep)),
      await rejection(failingWith(aggregate)),
      await rejection(failingWith(inherited)),
    ];
    expect(errors.map(({ kind }) => kind)).toEqual(['api', 'http', 'network', 'unknown', 'unknown']);
    for (const error of errors) {
      expect(keyRuns(everythingSeenOf(error), key)).toEqual([]);
      expect(keyRuns(inspect(error.cause, { depth: 10, showHidden: true }), key)).toEqual([]);
    }
  });

  it('follows no redirect: the answers and headers stay with the server that was called', async () => {
    const elsewhere = await serve((_, response) => send(response, 200, { code: 0, data: 'taken as data' }));
    const { client } = await serve((_, response) => {
      response.writeHead(307, { Location: `${elsewhere.server.url}/api/v2/rpc/record/addRecord` });
      response.end();
    });

    const error = await rejection(client.addRecord({ code_id: 1, tpl_id: 2, fields: [] }));

    expect(error).toMatchObject({ kind: 'http', status: 307, code: 307 });
    expect(elsewhere.server.requests).toHaveLength(0);
  });

  it('rejects bad options with a clear TypeError that does not quote the key', () => {
    expect(() => createApiClient({ apiKey: '' })).toThrow(/apiKey must be a non-empty string/);
    expect(() => createApiClient({ apiKey: 'sk\nsecret' })).toThrow(/visible ASCII/);
    expect(() => createApiClient({ apiKey: '密钥secret' })).not.toThrow(/secret/);
    expect(() => createApiClient({ apiKey: 42 as never })).toThrow(/apiKey/);
    expect(() => createApiClient({ baseUrl: 1 as never })).toThrow(/baseUrl must be a string/);
    expect(() => createApiClient({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createApiClient({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => createApiClient({ timeoutMs: '5' as never })).toThrow(/timeoutMs/);
    expect(() => createApiClient({ fetch: 'fetch' as never })).toThrow(/fetch must be a function/);
    expect(() => createApiClient({ paths: { getForms: '/x' } as never })).toThrow(/paths.getForms is not/);
    expect(() => createApiClient({ paths: { getTemplate: 7 } as never })).toThrow(/paths.getTemplate is not/);
    expect(() => createApiClient({ headers: { 'bad header': 'x' } })).toThrow(/headers are not valid/);
    expect(() => createApiClient({ rateLimit: { requestsPerSecond: -1 } })).toThrow(/requestsPerSecond/);
  });

  it('turns a request that cannot be serialised into an ApiError, sending nothing', async () => {
    const { server, client } = await serve((_, response) => send(response, 200, { code: 0 }));
    const error = await rejection(client.getRecord({ record_id: 10n as never }));
    expect(error).toMatchObject({ kind: 'unknown', detail: 'The request cannot be sent as JSON' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('creating a client', () => {
  // Next.js prerenders a client component and refuses one that reads the clock or randomness
  // while rendering ("encountered the unstable value `Date.now()`"): a host makes its client there.
  it('reads no clock and no randomness, whatever its options', () => {
    const unstable = [
      vi.spyOn(Date, 'now'),
      vi.spyOn(Math, 'random'),
      vi.spyOn(performance, 'now'),
      vi.spyOn(globalThis.crypto, 'randomUUID'),
      vi.spyOn(globalThis.crypto, 'getRandomValues'),
    ];
    try {
      createApiClient({ baseUrl: '/api/caoliao' });
      createApiClient({ apiKey: 'k'.repeat(32), rateLimit: { requestsPerSecond: 5, maxWaitMs: 1000 } });
      createApiClient({ baseUrl: '/api/caoliao', idempotencyKeys: true });
      for (const spy of unstable) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of unstable) spy.mockRestore();
    }
  });
});

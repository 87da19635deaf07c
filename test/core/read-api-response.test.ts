import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorJSON, MODULE_ERROR_CODES, readApiResponse } from '../../src/core/index.js';
import { API_MESSAGES } from '../../src/testing/index.js';

const ENDPOINT = '/api/v2/rpc/forms/getTemplate';
const BOM = '\uFEFF';
const GATEWAY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const respond = (status: number, body: string | null, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers });
const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  respond(status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });

async function failure(response: Response): Promise<ApiErrorJSON> {
  const error = await readApiResponse(response, ENDPOINT).then(
    (data) => {
      throw new Error(`resolved with ${JSON.stringify(data)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { name, message, ...fields } = (error as ApiError).toJSON();
  return JSON.parse(JSON.stringify(fields));
}

describe('readApiResponse resolves', () => {
  it.each([
    ['a code-0 envelope', json(200, { code: 0, message: 'ok', data: { id: 7 } }), { id: 7 }],
    ['code "0" as a string', json(200, { code: '0', message: '', data: [1, 2] }), [1, 2]],
    ['an envelope behind a UTF-8 BOM', respond(200, `${BOM}{"code":0,"data":"x"}`), 'x'],
    ['an envelope with null data', json(200, { code: 0, data: null }), null],
    ['an envelope without data', json(200, { code: 0, message: 'ok' }), undefined],
    ['a 201 envelope', json(201, { code: 0, data: { record_id: 1 } }), { record_id: 1 }],
  ])('%s', async (_, response, data) => {
    await expect(readApiResponse(response, ENDPOINT)).resolves.toEqual(data);
  });
});

describe('readApiResponse throws ApiError for', () => {
  it.each([
    [
      'an error envelope on its HTTP status',
      json(400, {
        code: 400,
        error_code: 100308,
        message: 'Required field is empty',
        message_detail: 'field 9',
      }),
      {
        kind: 'api',
        code: 400,
        errorCode: 100308,
        status: 400,
        serverMessage: 'Required field is empty',
        detail: 'field 9',
      },
    ],
    [
      'an error envelope on HTTP 200',
      json(200, { code: 404, message: 'not found' }),
      { kind: 'api', code: 404, status: 200, serverMessage: 'not found' },
    ],
    [
      'codes and error_codes sent as numeric strings',
      json(400, {
        code: '400',
        error_code: '100329',
        message: 'Identity information required before verification',
      }),
      {
        kind: 'api',
        code: 400,
        errorCode: 100329,
        status: 400,
        serverMessage: 'Identity information required before verification',
      },
    ],
    [
      'an error envelope behind a BOM',
      respond(401, `${BOM}{"code":401,"error_code":100315,"message":"API key invalid or disabled"}`),
      {
        kind: 'api',
        code: 401,
        errorCode: 100315,
        status: 401,
        serverMessage: 'API key invalid or disabled',
      },
    ],
    [
      'a 429 envelope, with Retry-After',
      json(429, { code: 429, message: 'Too many requests' }, { 'retry-after': '2' }),
      { kind: 'api', code: 429, status: 429, serverMessage: 'Too many requests', retryAfterMs: 2000 },
    ],
    [
      'a message_detail that is not a string',
      json(400, {
        code: 400,
        error_code: 100301,
        message: 'Invalid request parameters',
        message_detail: { tpl_id: 'required' },
      }),
      {
        kind: 'api',
        code: 400,
        errorCode: 100301,
        status: 400,
        serverMessage: 'Invalid request parameters',
        detail: '{"tpl_id":"required"}',
      },
    ],
    [
      'an envelope whose error_code is null',
      json(403, { code: 403, error_code: null, message: '' }),
      { kind: 'api', code: 403, status: 403 },
    ],
    [
      'the gateway’s bare HTML 502',
      respond(502, GATEWAY_502, { 'content-type': 'text/html' }),
      {
        kind: 'http',
        code: 502,
        status: 502,
        detail: expect.stringContaining('<title>502 Bad Gateway</title>'),
      },
    ],
    ['an empty 404', respond(404, ''), { kind: 'http', code: 404, status: 404 }],
    ['a 502 with no body at all', respond(502, null), { kind: 'http', code: 502, status: 502 }],
    [
      'a truncated envelope on 502',
      respond(502, '{"code":502,"message":"Upstr'),
      { kind: 'http', code: 502, status: 502, detail: '{"code":502,"message":"Upstr' },
    ],
    [
      'a 429 without an envelope, with an HTTP-date Retry-After',
      respond(429, 'slow down', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }),
      { kind: 'http', code: 429, status: 429, detail: 'slow down', retryAfterMs: expect.any(Number) },
    ],
    [
      'a code-0 envelope on a non-2xx status',
      json(500, { code: 0, message: 'ok', data: {} }),
      { kind: 'http', code: 500, status: 500, detail: 'ok' },
    ],
    ['a 2xx null body', json(200, null), { kind: 'invalid-response', status: 200, detail: 'null' }],
    [
      'a 2xx array',
      json(200, [{ code: 0 }]),
      { kind: 'invalid-response', status: 200, detail: '[{"code":0}]' },
    ],
    [
      'a 2xx HTML page from a proxy',
      respond(200, '<!doctype html><title>Login</title>'),
      { kind: 'invalid-response', status: 200, detail: '<!doctype html><title>Login</title>' },
    ],
    [
      'a 2xx object without code',
      json(200, { data: { id: 1 } }),
      { kind: 'invalid-response', status: 200, detail: '{"data":{"id":1}}' },
    ],
    [
      'a 2xx envelope with a code that is not a number',
      json(200, { code: 'ok', data: 1 }),
      { kind: 'invalid-response', status: 200, detail: '{"code":"ok","data":1}' },
    ],
    [
      'a 2xx envelope with a fractional code',
      json(200, { code: 0.5, data: 1 }),
      { kind: 'invalid-response', status: 200, detail: '{"code":0.5,"data":1}' },
    ],
    ['an empty 204', respond(204, null), { kind: 'invalid-response', status: 204 }],
  ])('%s', async (_, response, expected) => {
    expect(await failure(response)).toEqual({ endpoint: ENDPOINT, ...expected });
  });

  it.each(Object.keys(MODULE_ERROR_CODES))('error_code %s', async (errorCode) => {
    const message = API_MESSAGES[Number(errorCode) as keyof typeof API_MESSAGES];
    const body = { code: 400, error_code: Number(errorCode), message, message_detail: `detail ${errorCode}` };
    expect(await failure(json(400, body))).toEqual({
      kind: 'api',
      code: 400,
      errorCode: Number(errorCode),
      status: 400,
      serverMessage: message,
      detail: `detail ${errorCode}`,
      endpoint: ENDPOINT,
    });
  });

  it.each([400, 401, 403, 404, 429, 502])(
    'top-level code %i, as an envelope and as a bare status',
    async (code) => {
      expect(await failure(json(code, { code, message: `m${code}` }))).toMatchObject({
        kind: 'api',
        code,
        status: code,
      });
      expect(await failure(respond(code, '<h1>error</h1>'))).toMatchObject({
        kind: 'http',
        code,
        status: code,
      });
    },
  );

  it('keeps server text as text and cuts huge texts', async () => {
    const html = '<img src=x onerror=alert(1)>';
    const error = await failure(json(400, { code: 400, message: html, message_detail: 'x'.repeat(50_000) }));
    expect(error.serverMessage).toBe(html);
    expect(error.detail).toHaveLength(1000);
    expect(error.detail?.endsWith('…')).toBe(true);
  });

  it('says a redirect was not followed when a browser hides it (redirect: manual)', async () => {
    // What fetch gives a browser for a 3xx under redirect: 'manual': status 0, no headers, no body.
    const hidden = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    expect(await failure(hidden)).toMatchObject({
      kind: 'http',
      status: 0,
      detail: 'A redirect, not followed',
    });
  });

  it('turns a body that breaks off mid-stream into a network error with the status', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":0,'));
        controller.error(new TypeError('terminated'));
      },
    });
    expect(await failure(new Response(body, { status: 200 }))).toEqual({
      kind: 'network',
      status: 200,
      endpoint: ENDPOINT,
    });
  });
});

describe('readApiResponse keeps the answer’s X-Request-Id as requestId', () => {
  const ID = '3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f';
  const breaksOff = () =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":'));
        controller.error(new TypeError('terminated'));
      },
    });

  it.each([
    ['an envelope error', () => json(400, { code: 400, error_code: 100308 }, { 'X-Request-Id': ID })],
    ['an HTML 502', () => respond(502, GATEWAY_502, { 'X-Request-Id': ID })],
    ['a 2xx that is not an envelope', () => respond(200, '<html></html>', { 'X-Request-Id': ID })],
    [
      'a body that breaks off',
      () => new Response(breaksOff(), { status: 200, headers: { 'X-Request-Id': ID } }),
    ],
  ])('on %s', async (_, response) => {
    expect(await failure(response())).toMatchObject({ requestId: ID });
  });

  it.each([
    ['longer than 128 characters', 'r'.repeat(129)],
    ['holding a space', 'req 1'],
    ['holding HTML', '<img src=x onerror=alert(1)>'],
    ['holding a non-ASCII character', 'req-é'],
    ['twice (joined with a comma and a space)', ['a', 'b']],
  ])('drops one %s, whole: a cut id would find no log entry', async (_, value) => {
    const headers = new Headers();
    for (const one of [value].flat()) headers.append('X-Request-Id', one);
    const error = await failure(new Response('{"code":400}', { status: 400, headers }));
    expect(error).not.toHaveProperty('requestId');
    expect(error.code).toBe(400);
  });

  it('keeps one of exactly 128 visible ASCII characters', async () => {
    const id = `${'!~'.repeat(63)}<>`;
    expect(await failure(json(400, { code: 400 }, { 'X-Request-Id': id }))).toMatchObject({ requestId: id });
  });

  it('drops one that quotes the secret', async () => {
    const secret = 'sk_live_0123456789abcdef';
    const error = await readApiResponse(
      json(401, { code: 401 }, { 'X-Request-Id': `id-${secret}` }),
      ENDPOINT,
      {
        secret,
      },
    ).catch((thrown: ApiError) => thrown);
    expect(error).toMatchObject({ kind: 'api', code: 401, requestId: undefined });
    const other = await readApiResponse(json(401, { code: 401 }, { 'X-Request-Id': 'id-1' }), ENDPOINT, {
      secret,
    }).catch((thrown: ApiError) => thrown);
    expect(other).toMatchObject({ requestId: 'id-1' });
  });
});

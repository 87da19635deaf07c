import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClientOptions, createApiClient } from '../../src/client/index.js';
import type { ApiError } from '../../src/core/index.js';
import { type Handler, send, startTestServer } from '../support/test-server.js';

let servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(handler: Handler, options: ApiClientOptions = {}) {
  const server = await startTestServer(handler);
  servers.push(server);
  return { server, client: createApiClient({ baseUrl: server.url, ...options }) };
}

const RECORD = { code_id: 1, tpl_id: 2, fields: [{ field_id: 3, field_type: 'name', field_value: '张三' }] };
const CERTIFICATE = { certificate_code: 'C1', action_type: 'set_next_certificate_status' } as const;
const UUID = /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/;
const answerOk: Handler = (_, response) => send(response, 200, { code: 0, data: {} });
const keysSent = (requests: { headers: Record<string, unknown> }[]) =>
  requests.map((request) => request.headers['idempotency-key']);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('resolved'),
    (thrown: unknown) => thrown as ApiError,
  );

describe('Idempotency-Key on writes', () => {
  it('is sent, quoted, on addRecord and verifyCertificate, a fresh key per call, and never on reads', async () => {
    const { server, client } = await serve(answerOk);
    await client.addRecord(RECORD);
    await client.addRecord(RECORD);
    await client.verifyCertificate(CERTIFICATE);
    await client.getTemplate({ tpl_id: 1 });
    await client.getRecords({}, { idempotencyKey: 'ignored-on-reads' });
    const [first, second, third, ...reads] = keysSent(server.requests);
    for (const key of [first, second, third]) expect(key).toMatch(UUID);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(reads).toEqual([undefined, undefined]);
  });

  it('sends the key a call names', async () => {
    const { server, client } = await serve(answerOk);
    await client.addRecord(RECORD, { idempotencyKey: 'draft-7-of-order-1234' });
    expect(keysSent(server.requests)).toEqual(['"draft-7-of-order-1234"']);
  });

  it.each([
    ['empty', ''],
    ['too short to be unguessable', 'order-17'],
    ['with a dot', 'order.17.of.the.day.1'],
    ['too long', 'k'.repeat(256)],
    ['with a quote', 'a"b'],
    ['with a backslash', 'a\\b'],
    ['with a space', 'a b'],
    ['not ASCII', '草料'],
    ['not a string', 42],
  ])('refuses a key that is %s with a TypeError, before anything is sent', async (_, key) => {
    const { server, client } = await serve(answerOk);
    await expect(client.addRecord(RECORD, { idempotencyKey: key as string })).rejects.toThrow(
      new TypeError(
        'addRecord: idempotencyKey must be 16–255 letters, digits, - or _, such as a random UUID ' +
          `(got ${typeof key === 'string' ? `a string of ${key.length} characters` : typeof key})`,
      ),
    );
    expect(server.requests).toHaveLength(0);
  });

  it('accepts 255 characters', async () => {
    const { server, client } = await serve(answerOk);
    await client.addRecord(RECORD, { idempotencyKey: 'k'.repeat(255) });
    expect(keysSent(server.requests)).toEqual([`"${'k'.repeat(255)}"`]);
  });
});

describe('whether a client sends keys', () => {
  const recordingFetch = () => {
    const sent: (string | null)[] = [];
    const fetch = async (_: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('Idempotency-Key'));
      return Response.json({ code: 0, data: {} });
    };
    return { sent, fetch };
  };

  it.each([
    ['a relative proxy path', { baseUrl: '/caoliao' }, true],
    ['a proxy on another origin', { baseUrl: 'https://api.example.com/caoliao' }, true],
    ['no baseUrl (the API itself)', {}, false],
    ['the API’s own origin', { baseUrl: 'https://open.cli.im/' }, false],
    ['the API, asked to', { idempotencyKeys: true }, true],
    ['a proxy, asked not to', { baseUrl: '/caoliao', idempotencyKeys: false }, false],
  ])('%s → %s', async (_, options: ApiClientOptions, sends) => {
    const { sent, fetch } = recordingFetch();
    const client = createApiClient({ ...options, fetch });
    expect(client.idempotencyKeys).toBe(sends);
    await client.addRecord(RECORD, { idempotencyKey: 'key-1-of-order-1234' });
    expect(sent).toEqual([sends ? '"key-1-of-order-1234"' : null]);
  });

  it('refuses an idempotencyKeys option that is not a boolean', () => {
    expect(() => createApiClient({ idempotencyKeys: 'yes' as never })).toThrow(
      /idempotencyKeys must be true or false/,
    );
  });
});

describe('ApiError.idempotencyKey', () => {
  const badGateway: Handler = (request, response) =>
    send(response, 502, '<h1>502</h1>', { 'Idempotency-Key': String(request.headers['idempotency-key']) });

  it('is set when the failed answer echoed the key: the server honours it', async () => {
    const { client } = await serve(badGateway);
    const error = await failure(client.addRecord(RECORD, { idempotencyKey: 'k-502-0123456789abcdef' }));
    expect(error).toMatchObject({ kind: 'http', status: 502, idempotencyKey: 'k-502-0123456789abcdef' });
  });

  it('is set on a refusal that echoed the key, and kept in toJSON', async () => {
    const { client } = await serve((request, response) =>
      send(
        response,
        409,
        { code: 409, message: 'Conflict', message_detail: 'idempotency key in flight' },
        {
          'Idempotency-Key': String(request.headers['idempotency-key']),
          'Retry-After': '1',
        },
      ),
    );
    const error = await failure(client.addRecord(RECORD, { idempotencyKey: 'k-409-0123456789abcdef' }));
    expect(error.toJSON()).toMatchObject({ status: 409, idempotencyKey: 'k-409-0123456789abcdef' });
  });

  it('is unset when the answer did not echo the key: the server ignores keys', async () => {
    const { client } = await serve((_, response) => send(response, 502, '<h1>502</h1>'));
    const error = await failure(client.addRecord(RECORD, { idempotencyKey: 'k-plain-0123456789abcdef' }));
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(error.idempotencyKey).toBeUndefined();
  });

  it('is unset when the answer echoed another key', async () => {
    const { client } = await serve((_, response) =>
      send(response, 502, '<h1>502</h1>', { 'Idempotency-Key': '"someone-else"' }),
    );
    const error = await failure(client.addRecord(RECORD, { idempotencyKey: 'k-mine-0123456789abcdef' }));
    expect(error.idempotencyKey).toBeUndefined();
  });

  it('is set when no answer came to an addRecord, from a server known to remember keys', async () => {
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    const declared = createApiClient({ baseUrl: '/caoliao', idempotencyKeys: true, fetch: offline });
    expect(
      await failure(declared.addRecord(RECORD, { idempotencyKey: 'k-net-0123456789abcdef' })),
    ).toMatchObject({
      kind: 'network',
      idempotencyKey: 'k-net-0123456789abcdef',
    });
    // Keys on by default, and an answer that echoed one: the server remembers them.
    let answered = false;
    const { client } = await serve(
      (request, response) => {
        if (answered) return; // no answer: the client's timeout
        answered = true;
        const key = String(request.headers['idempotency-key']);
        send(response, 200, { code: 0, data: {} }, { 'Idempotency-Key': key });
      },
      { timeoutMs: 50 },
    );
    await client.addRecord(RECORD);
    expect(
      await failure(client.addRecord(RECORD, { idempotencyKey: 'k-late-0123456789abcdef' })),
    ).toMatchObject({
      kind: 'timeout',
      idempotencyKey: 'k-late-0123456789abcdef',
    });
  });

  it('is unset when no answer came and nothing says the server remembers keys, and for a verification', async () => {
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    const unproven = createApiClient({ baseUrl: '/caoliao', fetch: offline });
    expect(
      (await failure(unproven.addRecord(RECORD, { idempotencyKey: 'k-1-0123456789abcdef' }))).idempotencyKey,
    ).toBeUndefined();
    // A proxy cannot look a verification up: an unanswered one may have been applied.
    const declared = createApiClient({ baseUrl: '/caoliao', idempotencyKeys: true, fetch: offline });
    const verify = await failure(
      declared.verifyCertificate(CERTIFICATE, { idempotencyKey: 'k-2-0123456789abcdef' }),
    );
    expect(verify.idempotencyKey).toBeUndefined();
  });

  it('is unset on a write that carried no key and on reads', async () => {
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    const direct = createApiClient({ fetch: offline });
    expect((await failure(direct.addRecord(RECORD))).idempotencyKey).toBeUndefined();
    const proxied = createApiClient({ baseUrl: '/caoliao', fetch: offline });
    expect((await failure(proxied.getTemplate({ tpl_id: 1 }))).idempotencyKey).toBeUndefined();
  });
});

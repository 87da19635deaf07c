import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createApiProxy } from '../../src/server/index.js';
import {
  createSimulator,
  createSimulatorServer,
  defaultSimulatorState,
  type SimulatorServer,
} from '../../src/testing/index.js';
import { failure, keyOf, record } from './simulator-kit.js';

const started: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function start(options?: Parameters<typeof createSimulatorServer>[0]) {
  const server = await createSimulatorServer(options);
  started.push(server);
  return { ...server, client: createApiClient({ baseUrl: server.url, timeoutMs: 5_000 }) };
}

/** What getTemplate({ tpl_id: 7001 }) resolves to in the default world. */
const TEMPLATE_7001 = { data: { form: { id: 7001 } } };

const post = (url: string, body: string, method = 'POST') => fetch(url, { method, body });

describe('createSimulatorServer', () => {
  it('listens on a free loopback port and answers the API as the simulator does', async () => {
    const { url, client } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(url).port).not.toBe('0');
    const template = await client.getTemplate({ tpl_id: 7001 });
    expect(template.data?.form).toMatchObject({ id: 7001, name: '活动报名表' });
    await expect(client.addRecord(record())).resolves.toEqual({ record_id: expect.any(Number) });
    // The same world's rules: the phone number is unique.
    expect(await keyOf(client.addRecord(record()))).toBe('100307');
  });

  it('turns the next call into the fault posted to /__simulator/faults, once', async () => {
    const { url, client } = await start();
    const answer = await post(
      `${url}/__simulator/faults`,
      '{"endpoint":"addRecord","status":502,"html":true}',
    );
    expect(answer.status).toBe(204);
    expect(await keyOf(client.addRecord(record()))).toBe('502');
    await expect(client.addRecord(record())).resolves.toEqual({ record_id: expect.any(Number) });
  });

  it('takes an array of faults, "Infinity" for ever, and drops them on DELETE', async () => {
    const { url, client, simulator } = await start();
    const faults = [
      { endpoint: 'getTemplate', times: 'Infinity', network: true },
      { endpoint: 'addRecord', stored: true, code: 503, retryAfter: '2' },
    ];
    expect((await post(`${url}/__simulator/faults`, JSON.stringify(faults))).status).toBe(204);
    for (const _ of [1, 2, 3]) expect(await keyOf(client.getTemplate({ tpl_id: 7001 }))).toBe('network');
    // Stored, then a 503 the client cannot tell from a failure before the write.
    expect(await failure(client.addRecord(record()))).toMatchObject({ status: 503, retryAfterMs: 2000 });
    expect(simulator.state.records).toHaveLength(1);
    expect((await post(`${url}/__simulator/faults`, '', 'DELETE')).status).toBe(204);
    await expect(client.getTemplate({ tpl_id: 7001 })).resolves.toMatchObject(TEMPLATE_7001);
  });

  it.each([
    ['a body that is not JSON', 'endpoint=addRecord', /fault as JSON/],
    ['an empty array', '[]', /no fault/],
    ['times 0', '{"times":0}', /fault\.times must be a whole number/],
    ['an unknown endpoint', '{"endpoint":"addRecords"}', /fault\.endpoint must be one of/],
    ['Infinity as JSON.stringify writes it', '{"times":null}', /JSON has no Infinity, send "Infinity"/],
    ['a business code with no status', '{"code":100301}', /errorCode/],
    [
      'a bad fault after a good one',
      '[{"endpoint":"getTemplate"},{"status":302}]',
      /^faults\[1\]: fault\.status/,
    ],
    ['no fault at all', 'null', /must be an object/],
  ])('answers %s with a 400 that says why, and injects nothing', async (_, body, message) => {
    const { url, client } = await start();
    const answer = await post(`${url}/__simulator/faults`, body);
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toMatch(message);
    await expect(client.getTemplate({ tpl_id: 7001 })).resolves.toMatchObject(TEMPLATE_7001);
  });

  it('answers a delayed fault no sooner than its delayMs', async () => {
    const { url, client } = await start();
    await post(`${url}/__simulator/faults`, '{"endpoint":"getTemplate","delayMs":300,"code":503}');
    const startedAt = performance.now();
    expect(await failure(client.getTemplate({ tpl_id: 7001 }))).toMatchObject({ status: 503 });
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290);
  });

  it('puts the world back as it started on POST /__simulator/reset', async () => {
    const { url, client, simulator } = await start();
    const initial = structuredClone(simulator.state);
    await client.addRecord(record());
    simulator.state.qrcodes[0].state = 'paused';
    simulator.inject({ endpoint: 'getTemplate', code: 500 });
    expect((await post(`${url}/__simulator/reset`, '')).status).toBe(204);
    expect(simulator.state).toEqual(initial);
    await expect(client.getTemplate({ tpl_id: 7001 })).resolves.toMatchObject(TEMPLATE_7001);
    await expect(client.addRecord(record())).resolves.toEqual({ record_id: expect.any(Number) });
  });

  it('reads the key and the caller from the headers, as the API does', async () => {
    const state = { ...defaultSimulatorState(), apiKeys: { 'test-key': { write: true } } };
    const { url } = await start({ simulator: createSimulator({ state }) });
    const withKey = createApiClient({ baseUrl: url, apiKey: 'test-key', headers: { 'X-User-Id': 'desk-2' } });
    expect(await keyOf(createApiClient({ baseUrl: url }).getTemplate({ tpl_id: 7001 }))).toBe('401');
    await expect(withKey.getTemplate({ tpl_id: 7001 })).resolves.toMatchObject(TEMPLATE_7001);
    // desk-2 is no verifier of this world.
    const verify = {
      certificate_code: 'https://qr.cli.im/c/CERT-1',
      action_type: 'set_next_certificate_status',
    } as const;
    expect(await keyOf(withKey.verifyCertificate(verify))).toBe('100328');
  });

  it("serves as a proxy's upstream, as the README's end-to-end section has it", async () => {
    const { url } = await start();
    const proxy = createApiProxy({ apiKey: 'e2e-key', allow: 'form', upstream: url });
    const client = createApiClient({
      baseUrl: 'http://app.test/caoliao',
      fetch: (input, init) => proxy(new Request(input, init)),
    });
    await expect(client.getTemplate({ tpl_id: 7001 })).resolves.toMatchObject(TEMPLATE_7001);
    await post(`${url}/__simulator/faults`, '{"endpoint":"addRecord","status":502,"html":true}');
    expect(await keyOf(client.addRecord(record()))).toBe('502');
    // Stored, then the gateway's page: the proxy's look-up finds the record, the browser gets it.
    await post(
      `${url}/__simulator/faults`,
      '{"endpoint":"addRecord","stored":true,"status":502,"html":true}',
    );
    await expect(client.addRecord(record('13900139000'))).resolves.toEqual({ record_id: expect.any(Number) });
  });

  it('answers a path that is no endpoint, or a route of its own it does not have, with a 404', async () => {
    const { url } = await start();
    const unknown = await post(`${url}/api/v2/rpc/record/nothing`, '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 404 });
    const control = await post(`${url}/__simulator/fault`, '{}');
    expect(control.status).toBe(404);
    expect((await control.json()).error).toMatch(/POST \/__simulator\/faults/);
    expect((await fetch(`${url}/__simulator/health`)).status).toBe(200);
  });

  it('close() ends a call held for ever and frees the port', async () => {
    const simulator = createSimulator();
    const { handle } = simulator;
    const reached = new Promise<void>((resolve) => {
      simulator.handle = (...args) => {
        resolve();
        return handle(...args);
      };
    });
    const server = await createSimulatorServer({ simulator });
    const { port } = new URL(server.url);
    simulator.inject({ delayMs: Infinity });
    const held = fetch(`${server.url}/api/v2/rpc/forms/getTemplate`, { method: 'POST', body: '{}' });
    // Once the server holds the call, close it: the held call fails, and nothing listens there.
    await reached;
    await server.close();
    await expect(held).rejects.toThrow();
    await expect(fetch(`${server.url}/__simulator/health`)).rejects.toThrow();
    const again = await start({ port: Number(port) });
    expect(again.url).toBe(server.url);
  });

  it('refuses a port already taken, with the error of listen', async () => {
    const { url } = await start();
    await expect(createSimulatorServer({ port: Number(new URL(url).port) })).rejects.toThrow(/EADDRINUSE/);
  });
});

import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import type { ApiError } from '../../src/core/index.js';
import { createApiProxy } from '../../src/server/index.js';
import { createSimulator, createSimulatorHandlers, defaultSimulatorState } from '../../src/testing/index.js';
import { record } from '../testing/simulator-kit.js';
import { API_KEY } from './proxy-kit.js';

// The simulator stands in for open.cli.im (the proxy's default upstream) and accepts only our key.
const simulator = createSimulator({
  state: { ...defaultSimulatorState(), apiKeys: { [API_KEY]: { write: true } } },
});
const server = setupServer(...createSimulatorHandlers({ simulator }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const proxy = createApiProxy({ apiKey: API_KEY, allow: 'form', limits: { perVisitor: false } });
/** The browser's client on the page, calling the app's own `/caoliao/*` route. */
const browser = createApiClient({
  baseUrl: '/caoliao',
  fetch: (url, init) => proxy(new Request(new URL(url, 'https://app.example'), init)),
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: ApiError) => error,
  );

describe('the form page through the proxy, in front of the simulator', () => {
  it('reads the form and submits a record with the proxy’s key, the browser holding none', async () => {
    const template = await browser.getTemplate({ tpl_id: 7001 });
    expect(template.data.form.id).toBe(7001);
    await expect(browser.addRecord(record('13800138123'))).resolves.toBeDefined();
    const direct = createApiClient({ baseUrl: 'https://open.cli.im' });
    expect(await failure(direct.getTemplate({ tpl_id: 7001 }))).toMatchObject({ kind: 'api', code: 401 });
  });

  it('passes the simulator’s errors on as the client knows them: 100304, the HTML 502', async () => {
    expect(await failure(browser.getTemplate({ tpl_id: 999 }))).toMatchObject({
      kind: 'api',
      errorCode: 100304,
    });
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    // The client sends a key, so the proxy checks before answering, and says what it found.
    expect(await failure(browser.addRecord(record('13800138124')))).toMatchObject({
      kind: 'api',
      status: 502,
      detail: expect.stringContaining('found no record'),
    });
  });

  it('keeps the records out of reach of the form page', async () => {
    expect(await failure(browser.getRecords({}))).toMatchObject({ kind: 'api', status: 403 });
  });
});

import { describe, expect, it } from 'vitest';
import { createApiProxy, type ProxyLogEntry } from '../../src/server/index.js';
import { send, startTestServer } from '../support/test-server.js';
import { API_KEY, post, TEMPLATE } from './proxy-kit.js';

// Its own file: "logged once per process" is the module's state, and Vitest gives each file a fresh one.
describe('a proxy created without an API key (a route module built where the secret is not set)', () => {
  it('builds, answers every call a 503 envelope, and logs it once per process, not once per call', async () => {
    const upstream = await startTestServer((_, response) => send(response, 200, { code: 0 }));
    const logs: ProxyLogEntry[] = [];
    const options = {
      allow: 'form' as const,
      upstream: upstream.url,
      log: (entry: ProxyLogEntry) => logs.push(entry),
    };
    const unset = createApiProxy({ ...options, apiKey: undefined });
    const empty = createApiProxy({ ...options, apiKey: '' });
    const answers = [
      await unset(post(TEMPLATE)),
      await empty(post(TEMPLATE)),
      await unset(post(`${TEMPLATE}x`)),
    ];
    await upstream.close();
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await answer.json()).toEqual({
        code: 503,
        message: 'Service unavailable',
        message_detail: 'the proxy is not configured (no API key)',
      });
    }
    expect(upstream.requests).toHaveLength(0);
    expect(logs).toEqual([
      expect.objectContaining({
        endpoint: 'getTemplate',
        outcome: 'not-configured',
        status: 503,
        requestId: answers[0]?.headers.get('x-request-id'),
      }),
    ]);
  });

  it('answers its health check with a 503 naming the missing key, so that a load balancer takes it out', async () => {
    const proxy = createApiProxy({ apiKey: undefined, allow: 'form' });
    const answer = await proxy(new Request('http://proxy.test/caoliao/health'));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ ok: false, down: ['apiKey'] });
  });

  it.each([
    ['allow', { allow: 'everything' }, /allow/],
    ['upstream', { upstream: 'ftp://open.cli.im' }, /upstream/],
    ['timeoutMs', { timeoutMs: 0 }, /timeoutMs/],
    ['bodyTimeoutMs', { bodyTimeoutMs: -1 }, /bodyTimeoutMs/],
    ['forwardHeaders', { forwardHeaders: ['Cookie'] }, /forwardHeaders/],
  ])('still checks %s at creation', (_, bad, message) => {
    expect(() => createApiProxy({ apiKey: undefined, allow: 'form', ...bad } as never)).toThrow(message);
  });

  it.each([
    ['with a space', `${API_KEY} x`],
    ['with a line break', `${API_KEY}\n`],
    ['that is no string', 12345678],
  ])('still refuses a key given but unusable (%s), without quoting it', (_, apiKey) => {
    const create = () => createApiProxy({ apiKey, allow: 'form' } as never);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(/apiKey/);
    try {
      create();
    } catch (thrown) {
      expect(`${(thrown as Error).message}\n${(thrown as Error).stack}`).not.toMatch(/DO_NOT_LEAK|12345678/);
    }
  });
});

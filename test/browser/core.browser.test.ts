import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { ApiError, readApiResponse, toApiError } from '../../src/core/index.js';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('resolved');
    },
    (thrown: unknown) => {
      expect(thrown).toBeInstanceOf(ApiError);
      return (thrown as ApiError).toJSON();
    },
  );

const client = (scenario: string, timeoutMs?: number) =>
  createApiClient({ baseUrl: `/fake-api/${scenario}`, timeoutMs });

describe('core in Chromium, through a same-origin proxy without a key', () => {
  it('resolves a code-0 envelope', async () => {
    await expect(client('ok').getTemplate({ tpl_id: 1 })).resolves.toEqual({ id: 1 });
  });

  it('reads an error envelope behind a BOM, with string codes', async () => {
    expect(
      await rejection(client('bom-100308').addRecord({ code_id: 1, tpl_id: 1, fields: [] })),
    ).toMatchObject({
      kind: 'api',
      code: 400,
      errorCode: 100308,
      status: 400,
      endpoint: '/api/v2/rpc/record/addRecord',
    });
  });

  it('reads the gateway’s HTML 502, a 429 with Retry-After and a proxy’s login page', async () => {
    expect(await rejection(client('html-502').getFormList())).toMatchObject({ kind: 'http', code: 502 });
    expect(await rejection(client('retry-after-429').getFormList())).toMatchObject({
      code: 429,
      retryAfterMs: 3000,
    });
    expect(await rejection(client('login-page-200').getFormList())).toMatchObject({
      kind: 'invalid-response',
    });
  });

  it('classifies Chromium’s own fetch failures', async () => {
    expect(await rejection(client('hang', 100).getFormList())).toMatchObject({ kind: 'timeout' });
    const controller = new AbortController();
    const aborted = rejection(client('hang').getFormList({}, { signal: controller.signal }));
    controller.abort();
    expect(await aborted).toMatchObject({ kind: 'aborted' });
    const refused = await fetch('http://127.0.0.1:9/').catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(TypeError); // "Failed to fetch"
    expect(toApiError(refused).kind).toBe('network');
  });

  it('reads a Chromium Response whose body breaks off as a network error', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.error(new TypeError('network error'));
      },
    });
    await expect(readApiResponse(new Response(body), '/x')).rejects.toMatchObject({
      kind: 'network',
      status: 200,
    });
  });
});

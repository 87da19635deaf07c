import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/server/proxy-handler.js';
import { BODY, forwarded, instance, KEY, recordingStore, request, stored } from './idempotency-kit.js';

const VERIFY = JSON.stringify({ certificate_code: 'CERT-1', action_type: 'set_next_certificate_status' });

/** The writes a store was asked for that keep a final outcome. */
const keptDone = (writes: ReturnType<typeof recordingStore>['writes']) =>
  writes.filter((write) => write.call === 'set' && write.value?.includes('"done"'));

describe('what the proxy keeps, and for how long', () => {
  it.each([
    [undefined, 86_400_000],
    [120, 120_000],
  ])('keeps a final outcome for ttlSeconds (%s) in milliseconds: %i', async (ttlSeconds, ttlMs) => {
    const { store, writes } = recordingStore();
    const idempotency = instance({ store, options: { ttlSeconds }, write: () => stored(100_001) });
    await idempotency.handle(request(), 'addRecord', BODY, KEY);
    expect(keptDone(writes).map((write) => write.ttlMs)).toEqual([ttlMs]);
    // The "unknown" kept before the write lives as long.
    expect(writes.find((write) => write.value?.includes('"unknown"'))?.ttlMs).toBe(ttlMs);
  });

  it('keeps one key’s outcomes apart per endpoint: the same key on a verification goes upstream', async () => {
    const sent: string[] = [];
    const idempotency = instance({
      write: (endpoint) => {
        sent.push(endpoint);
        return endpoint === 'addRecord'
          ? stored(100_001)
          : forwarded(200, { code: 0, message: 'ok', data: {} });
      },
    });
    await idempotency.handle(request(), 'addRecord', BODY, KEY);
    const verified = await idempotency.handle(request(), 'verifyCertificate', VERIFY, KEY);
    expect(verified.outcome).toBe('forwarded');
    expect(verified.response.status).toBe(200);
    expect(sent).toEqual(['addRecord', 'verifyCertificate']);
  });

  it.each([
    ['addRecord', BODY],
    ['verifyCertificate', VERIFY],
  ] as const)(
    'never keeps a 5xx as final, even with an error_code (%s): the resend goes upstream',
    async (endpoint, body) => {
      const answers: Outcome[] = [
        forwarded(503, { code: 503, error_code: 100500, message: 'Service unavailable' }),
        endpoint === 'addRecord' ? stored(100_001) : forwarded(200, { code: 0, message: 'ok', data: {} }),
      ];
      let writes = 0;
      const idempotency = instance({
        write: () => {
          writes += 1;
          return answers[writes - 1] ?? stored(0);
        },
        // The look-up after the 503 finds nothing stored.
        readRecords: async () => ({ list: [] }),
      });
      const failed = await idempotency.handle(request(), endpoint, body, KEY);
      expect(failed.response.status).toBeGreaterThanOrEqual(500);
      expect(failed.idempotency?.result).not.toBe('kept');
      const again = await idempotency.handle(request(), endpoint, body, KEY);
      expect(again.outcome).toBe('forwarded');
      expect(again.response.status).toBe(200);
      expect(writes).toBe(2);
    },
  );
});

describe('a body the proxy cannot handle', () => {
  const DEPTH = 100_000;
  const deep = `{"tpl_id":7001,"code_id":8001,"fields":[{"field_id":1,"field_value":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}]}`;

  it.each([
    ['without a marker field', {}],
    ['with a marker field', { markerField: { 7001: 7104 } }],
  ])('is a 400 envelope before any key state is kept, nothing upstream (%s)', async (_label, options) => {
    const { store, writes } = recordingStore();
    let sent = 0;
    const idempotency = instance({
      store,
      options,
      write: () => {
        sent += 1;
        return stored(100_001);
      },
    });
    const answer = await idempotency.handle(request(), 'addRecord', deep, KEY);
    expect(answer.outcome).toBe('invalid');
    expect(answer.response.status).toBe(400);
    expect(await answer.response.json()).toMatchObject({
      code: 400,
      error_code: 100301,
      message_detail: expect.stringContaining('nested too deeply'),
    });
    expect(writes).toEqual([]);
    expect(sent).toBe(0);
  });

  it('is sent on as it came when nothing needs reading in it (a verification)', async () => {
    const bodies: string[] = [];
    const idempotency = instance({
      write: (_endpoint, body) => {
        bodies.push(body);
        return forwarded(200, { code: 0, message: 'ok', data: {} });
      },
    });
    const deepVerify = `{"certificate_code":"CERT-1","action_type":"x","extra":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    expect((await idempotency.handle(request(), 'verifyCertificate', deepVerify, KEY)).response.status).toBe(
      200,
    );
    expect(bodies).toEqual([deepVerify]);
  });
});

import { describe, expect, it } from 'vitest';
import { BODY, instance, KEY, recordingStore, request, stored } from './idempotency-kit.js';

/** A fake `addRecord` upstream storing every write it gets, with a new record id each. */
function upstream() {
  const bodies: string[] = [];
  return {
    bodies,
    write: (_endpoint: string, body: string) => {
      bodies.push(body);
      return stored(100_000 + bodies.length);
    },
  };
}

describe('records are scoped by the identity authorize established', () => {
  it('gives visitor B, sending A’s key and body, nothing of A’s record: B’s write goes upstream', async () => {
    const api = upstream();
    const idempotency = instance({ write: api.write });
    const a = await idempotency.handle(request(), 'addRecord', BODY, KEY, 'user-a');
    expect(await a.response.json()).toMatchObject({ data: { record_id: 100_001 } });

    const b = await idempotency.handle(request(), 'addRecord', BODY, KEY, 'user-b');
    expect(b.outcome).toBe('forwarded');
    expect(b.response.headers.has('Idempotent-Replayed')).toBe(false);
    expect(await b.response.json()).toMatchObject({ data: { record_id: 100_002 } });
    expect(api.bodies).toHaveLength(2);

    // A's own resend still gets A's record.
    const again = await idempotency.handle(request(), 'addRecord', BODY, KEY, 'user-a');
    expect(again.response.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.response.json()).toMatchObject({ data: { record_id: 100_001 } });
  });

  it('lets no one block a key for another: B using it first leaves A’s submission a success, not a 422', async () => {
    const api = upstream();
    const idempotency = instance({ write: api.write });
    const other = JSON.stringify({
      tpl_id: 7001,
      code_id: 8001,
      fields: [{ field_id: 1, field_value: '李四' }],
    });
    await idempotency.handle(request(), 'addRecord', other, KEY, 'user-b');
    const a = await idempotency.handle(request(), 'addRecord', BODY, KEY, 'user-a');
    expect(a.response.status).toBe(200);
    expect(a.outcome).toBe('forwarded');
  });

  it('keys the store by a hash of the identity, never the identity itself', async () => {
    const { store, writes } = recordingStore();
    const idempotency = instance({ store, write: upstream().write });
    const identity = 'alice@example.com';
    await idempotency.handle(request(), 'addRecord', BODY, KEY, identity);
    await idempotency.handle(request(), 'addRecord', BODY, KEY, undefined);
    const keys = new Set(writes.map((write) => write.key));
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toContain(identity);
    // One identity's records and the anonymous callers' are apart.
    const records = [...keys].filter((key) => key.startsWith('idempotency:'));
    expect(records).toHaveLength(2);
  });

  it('keeps one record for callers without an identity (a public form): the key is their protection', async () => {
    const api = upstream();
    const idempotency = instance({ write: api.write });
    await idempotency.handle(request(), 'addRecord', BODY, KEY);
    const again = await idempotency.handle(request(), 'addRecord', BODY, KEY, undefined);
    expect(again.outcome).toBe('replayed');
    expect(api.bodies).toHaveLength(1);
  });
});

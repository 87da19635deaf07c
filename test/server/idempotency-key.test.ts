import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from '../../src/client/idempotency-key.js';
import { readIdempotencyKey } from '../../src/server/idempotency-key.js';

const read = (key: string) => readIdempotencyKey(new Headers({ 'Idempotency-Key': `"${key}"` }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the keys the proxy takes: unguessable ones', () => {
  it('takes the client’s keys, made by crypto.randomUUID', () => {
    for (let i = 0; i < 50; i += 1) {
      const key = newIdempotencyKey();
      expect(read(key)).toEqual({ key });
    }
  });

  it('takes the client’s keys made without crypto.randomUUID (a page over plain HTTP)', () => {
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends Uint8Array>(bytes: T) => webcrypto.getRandomValues(bytes),
    });
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(read(key)).toEqual({ key });
  });

  it.each([
    ['16 characters', 'k'.repeat(16)],
    ['255 characters', 'k'.repeat(255)],
    ['base64url', 'q83vEjRWeJq83vEjRWeJqw'],
    ['a ULID', '01J9ZQ3M7X4Y8VZK2T5R6W1N0B'],
  ])('takes %s', (_label, key) => {
    expect(read(key)).toEqual({ key });
  });

  it.each([
    ['"1"', '1', /at least 16 characters/],
    ['15 characters', 'k'.repeat(15), /at least 16 characters/],
    ['a dot', 'order.17.of.the.day', /only letters, digits, - and _/],
    ['a colon (the store keys’ separator)', 'order:17:of:the:day', /only letters, digits, - and _/],
    ['a plus and a slash', 'q83v+jRWeJq83v/jRWeJqw', /only letters, digits, - and _/],
  ])('refuses %s, saying why', (_label, key, why) => {
    expect(read(key)).toEqual({ problem: expect.stringMatching(why) });
  });

  it('never quotes the key it refuses', () => {
    for (const key of ['k'.repeat(15), 'order.17.of.the.day', 'sk_live_7f3a9c/DO_NOT_LEAK+proxy']) {
      expect(JSON.stringify(read(key))).not.toContain(key);
    }
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { WriteEndpoint } from '../../src/client/endpoints.js';
import { createMemoryStore } from '../../src/server/index.js';
import type { Outcome } from '../../src/server/proxy-handler.js';
import type { ProxyStore } from '../../src/server/proxy-store.js';
import { StoreUnavailableError } from '../../src/server/store-unavailable.js';
import {
  BODY,
  forwarded,
  type Gate,
  gate,
  gatewayPage,
  instance,
  KEY,
  recordingStore,
  request,
  stored,
} from './idempotency-kit.js';

const VERIFY = JSON.stringify({ certificate_code: 'CERT-1', action_type: 'set_next_certificate_status' });

describe('two instances on one store', () => {
  it('never writes before "unknown" is kept: with a slow store, the other instance looks up instead of writing again', async () => {
    const memory = createMemoryStore();
    // The slow store: the first "unknown" lands only once the other instance waits for the lock.
    const landing = gate();
    let held = false;
    const slow: ProxyStore = {
      ...memory,
      set: async (key, value, ttlMs) => {
        if (!held && value.includes('"unknown"')) {
          held = true;
          await landing.opened;
        }
        return memory.set(key, value, ttlMs);
      },
    };
    const waiting: ProxyStore = {
      ...slow,
      get: (key) => {
        if (key.startsWith('idempotency-lock:')) landing.open();
        return slow.get(key);
      },
    };
    // Upstream stores each write and answers a gateway page; the first look-up fails.
    const records: { record_id: number; fields: unknown }[] = [];
    let lookups = 0;
    const upstream = {
      options: { waitMs: 10_000 },
      write: () => {
        records.push({ record_id: 100_001 + records.length, fields: JSON.parse(BODY).fields });
        return gatewayPage();
      },
      readRecords: async () => {
        lookups += 1;
        return lookups === 1 ? undefined : { list: records };
      },
    };
    const one = instance({ ...upstream, store: slow });
    const two = instance({ ...upstream, store: waiting });

    const first = one.handle(request(), 'addRecord', BODY, KEY);
    // The first cannot answer before its "unknown" lands: it waits for the store, holding the lock.
    await Promise.race([first, sleep(1_000)]);
    const second = await two.handle(request(), 'addRecord', BODY, KEY);
    landing.open();
    expect((await first).response.status).toBe(502);
    expect(second.outcome).toBe('confirmed');
    expect(records).toHaveLength(1);
  });

  it('releases only its own lock: after it lapsed and another instance took it, that one keeps it', async () => {
    const { store, writes } = recordingStore();
    const held: Record<string, Gate<Outcome>> = { a: gate(), b: gate() };
    const started: Record<string, Gate<void>> = { a: gate(), b: gate() };
    const sent: string[] = [];
    const make = (name: string) =>
      instance({
        store,
        options: { waitMs: 200 },
        write: (_endpoint: WriteEndpoint) => {
          sent.push(name);
          started[name]?.open();
          return held[name]?.opened ?? forwarded(200, { code: 0, message: 'ok', data: {} });
        },
      });
    const [a, b, c] = [make('a'), make('b'), make('c')];

    const first = a.handle(request(), 'verifyCertificate', VERIFY, KEY);
    await started.a?.opened;
    // A's call outlives its lock (a stalled instance): the lock lapses, as a TTL would let it.
    const lockKey = writes.find((write) => write.call === 'setIfAbsent')?.key ?? '';
    expect(lockKey).toContain('lock');
    await store.delete(lockKey);
    const second = b.handle(request(), 'verifyCertificate', VERIFY, KEY);
    await started.b?.opened;

    // A ends (its answer says nothing): it must not release the lock B holds now.
    held.a?.open(gatewayPage());
    await first;
    const third = await c.handle(request(), 'verifyCertificate', VERIFY, KEY);
    expect(third.response.status).toBe(409);
    expect(third.idempotency?.result).toBe('in-flight');
    expect(sent).toEqual(['a', 'b']);

    held.b?.open(forwarded(200, { code: 0, message: 'ok', data: {} }));
    expect((await second).response.status).toBe(200);
  });
});

describe('when the store fails', () => {
  /** A memory store whose `call` throws StoreUnavailableError while `failing` says so. */
  function failingStore(failing: (call: string, key: string) => boolean) {
    const memory = createMemoryStore();
    const fail = (call: string) => Promise.reject(new StoreUnavailableError(call));
    const store: ProxyStore = {
      ...memory,
      get: (key) => (failing('get', key) ? fail('get') : memory.get(key)),
      set: (key, value, ttlMs) => (failing('set', key) ? fail('set') : memory.set(key, value, ttlMs)),
      setIfAbsent: (key, value, ttlMs) =>
        failing('setIfAbsent', key) ? fail('setIfAbsent') : memory.setIfAbsent(key, value, ttlMs),
    };
    return { store, memory };
  }

  it.each([
    ['reading the key', 'get'],
    ['taking the lock', 'setIfAbsent'],
    ['keeping "unknown" before the write', 'set'],
  ])('passes StoreUnavailableError on when %s fails, with nothing sent upstream', async (_label, failed) => {
    const { store } = failingStore((call) => call === failed);
    let sent = 0;
    const idempotency = instance({
      store,
      write: () => {
        sent += 1;
        return stored(100_001);
      },
    });
    await expect(idempotency.handle(request(), 'addRecord', BODY, KEY)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(sent).toBe(0);
  });

  it('lets the answer stand when the store fails after upstream answered', async () => {
    let broken = false;
    const { store } = failingStore((call) => broken && call === 'set');
    const idempotency = instance({
      store,
      write: () => {
        broken = true;
        return stored(100_001);
      },
    });
    const answer = await idempotency.handle(request(), 'addRecord', BODY, KEY);
    expect(answer.response.status).toBe(200);
    expect(answer.idempotency?.result).toBe('unchecked');
  });

  it('releases a lock whose taking timed out and landed late: the resend goes upstream, not a 409 for minutes', async () => {
    const memory = createMemoryStore();
    const landed = gate();
    let late = true;
    const store: ProxyStore = {
      ...memory,
      // The first SET NX passes its deadline, then lands anyway.
      setIfAbsent: (key, value, ttlMs) => {
        if (!late) return memory.setIfAbsent(key, value, ttlMs);
        late = false;
        setTimeout(() => memory.setIfAbsent(key, value, ttlMs).then(() => landed.open()), 20);
        return Promise.reject(new StoreUnavailableError('setIfAbsent'));
      },
    };
    let sent = 0;
    const idempotency = instance({
      store,
      options: { waitMs: 8_000 },
      write: () => {
        sent += 1;
        return stored(100_001);
      },
    });
    await expect(idempotency.handle(request(), 'addRecord', BODY, KEY)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await landed.opened;
    const resend = await idempotency.handle(request(), 'addRecord', BODY, KEY);
    expect(resend.response.status).toBe(200);
    expect(resend.outcome).toBe('forwarded');
    expect(sent).toBe(1);
  });

  it('releases its lock later when the store fails at the end of the call', async () => {
    let failReleases = 1;
    const { store } = failingStore((call, key) => {
      if (call !== 'get' || !key.includes('lock') || failReleases === 0) return false;
      failReleases -= 1;
      return true;
    });
    let sent = 0;
    const idempotency = instance({
      store,
      options: { waitMs: 8_000 },
      write: () => {
        sent += 1;
        // Nothing can be known of a verification without an answer: the key is forgotten.
        return sent === 1 ? gatewayPage() : forwarded(200, { code: 0, message: 'ok', data: {} });
      },
    });
    expect((await idempotency.handle(request(), 'verifyCertificate', VERIFY, KEY)).response.status).toBe(502);
    const resend = await idempotency.handle(request(), 'verifyCertificate', VERIFY, KEY);
    expect(resend.response.status).toBe(200);
    expect(sent).toBe(2);
  });

  it('keeps an earlier send unknown when the store fails before a resend goes upstream', async () => {
    let records: { record_id: number; fields: unknown }[] | undefined; // undefined: the look-up fails
    let sent = 0;
    let limitsDown = false;
    const idempotency = instance({
      write: () => {
        // The limits' store fails before anything goes upstream.
        if (limitsDown) throw new StoreUnavailableError('limiter.consume');
        sent += 1;
        return gatewayPage();
      },
      readRecords: async () => (records ? { list: records } : undefined),
    });
    // Stored, then a gateway page, and the look-up fails: the outcome is unknown.
    expect((await idempotency.handle(request(), 'addRecord', BODY, KEY)).response.status).toBe(502);
    // The resend looks first and finds nothing; then the store fails before the write.
    records = [];
    limitsDown = true;
    await expect(idempotency.handle(request(), 'addRecord', BODY, KEY)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    // The record shows up after all: the next resend must look again, not write.
    limitsDown = false;
    records = [{ record_id: 100_001, fields: JSON.parse(BODY).fields }];
    const last = await idempotency.handle(request(), 'addRecord', BODY, KEY);
    expect(last.outcome).toBe('confirmed');
    expect(sent).toBe(1);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { mayHaveBeenStored } from '../../src/core/index.js';
import type { Fault } from '../../src/testing/index.js';
import { failure, keyOf, PHONE, record, serveSimulator } from './simulator-kit.js';

const current = serveSimulator();

const TIMEOUT_MS = 50;
/** Longer than the client waits, short enough to wait past in a test. */
const LATE_MS = 200;
const client = () => createApiClient({ timeoutMs: TIMEOUT_MS });

describe('a fault with stored: true — the record is stored, then the answer fails', () => {
  it.each<[string, Fault, object]>([
    ['a 502 gateway page', { status: 502, html: true }, { kind: 'http', status: 502 }],
    ['a connection reset', { network: true }, { kind: 'network' }],
    ['an answer that never comes', { delayMs: Infinity }, { kind: 'timeout' }],
    ['an answer later than the timeout', { delayMs: LATE_MS }, { kind: 'timeout' }],
  ])('%s: the client sees the failure while the record is there, stored once', async (_, fault, seen) => {
    current.simulator.inject({ endpoint: 'addRecord', stored: true, ...fault });
    const api = client();

    const error = await failure(api.addRecord(record()));
    expect(error).toMatchObject(seen);
    expect(mayHaveBeenStored(error)).toBe(true);
    expect(current.simulator.state.records).toHaveLength(1);

    // Read back through the API, as a person checking before sending again would.
    const { list, total } = await api.getRecords({});
    expect(total).toBe(1);
    const [stored] = list;
    expect(stored?.fields).toContainEqual(
      expect.objectContaining({ field_id: PHONE, field_value: '13800138000' }),
    );
    await expect(api.getRecord({ record_id: stored?.record_id ?? 0 })).resolves.toMatchObject({
      data: { record_id: stored?.record_id },
    });
    await expect(api.getRecord({ record_url: stored?.record_url ?? '' })).resolves.toMatchObject({
      data: { record_id: stored?.record_id },
    });

    // Past the moment a late answer would have come: still one record, and sending it again is a duplicate.
    await sleep(LATE_MS + 50);
    expect(current.simulator.state.records).toHaveLength(1);
    expect(await keyOf(api.addRecord(record()))).toBe('100307');
    expect(current.simulator.state.records).toHaveLength(1);
  });

  it('without stored, the same fault answers before anything is stored', async () => {
    current.simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    expect(await failure(client().addRecord(record()))).toMatchObject({ kind: 'http', status: 502 });
    expect(current.simulator.state.records).toHaveLength(0);
  });

  it('fails only the answer: a request the API refuses stores nothing, and the client still sees the fault', async () => {
    current.simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
    expect(await failure(client().addRecord(record('12345')))).toMatchObject({ kind: 'http', status: 502 });
    expect(current.simulator.state.records).toHaveLength(0);
  });

  it('lasts as many calls as times says, storing each', async () => {
    current.simulator.inject({ endpoint: 'addRecord', stored: true, times: 2, network: true });
    expect(await keyOf(client().addRecord(record('13800138001')))).toBe('network');
    expect(await keyOf(client().addRecord(record('13800138002')))).toBe('network');
    await expect(client().addRecord(record('13800138003'))).resolves.toEqual({
      record_id: expect.any(Number),
    });
    expect(current.simulator.state.records).toHaveLength(3);
  });

  it('moves a certificate on, then fails the answer', async () => {
    current.simulator.inject({ endpoint: 'verifyCertificate', stored: true, status: 502, html: true });
    const verify = () =>
      client().verifyCertificate({
        certificate_code: 'https://qr.cli.im/c/CERT-1',
        action_type: 'set_next_certificate_status',
      });
    expect(await keyOf(verify())).toBe('502');
    expect(current.simulator.state.certificates[0]?.status).toBe('已核销');
    expect(await keyOf(verify())).toBe('100324');
  });
});

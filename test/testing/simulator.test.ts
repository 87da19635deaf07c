import { describe, expect, it } from 'vitest';
import { type AddRecordRequest, createApiClient } from '../../src/client/index.js';
import { createSimulator, defaultSimulatorState } from '../../src/testing/index.js';
import { failure, keyOf, NAME, PHONE, record, serveSimulator } from './simulator-kit.js';

const current = serveSimulator();

const client = () => createApiClient({ timeoutMs: 500 });

describe('the simulator answers submissions as the API does', () => {
  it('stores a valid record', async () => {
    await expect(client().addRecord(record())).resolves.toEqual({ record_id: expect.any(Number) });
    expect(current.simulator.state.records).toHaveLength(1);
  });

  it.each([
    ['a required field left empty → 100308', () => record('13800138000', ' '), '100308'],
    ['a phone number that is not one → 100309', () => record('12345'), '100309'],
    ['an unknown form → 100304', () => ({ ...record(), tpl_id: 1 }), '100304'],
    ['a code not linked to the form → 100306', () => ({ ...record(), code_id: 1 }), '100306'],
    [
      'a request without fields → 100301',
      () => ({ code_id: 8001, tpl_id: 7001 }) as AddRecordRequest,
      '100301',
    ],
  ])('refuses %s', async (_, request, key) => {
    expect(await keyOf(client().addRecord(request()))).toBe(key);
    expect(current.simulator.state.records).toHaveLength(0);
  });

  it('names the fields of a field error in message_detail', async () => {
    const error = await failure(client().addRecord(record('', '')));
    expect(error).toMatchObject({
      code: 400,
      errorCode: 100308,
      status: 400,
      detail: `required: ${NAME}, ${PHONE}`,
    });
  });

  it('refuses a duplicate of a unique field → 100307', async () => {
    await client().addRecord(record());
    expect(await keyOf(client().addRecord(record()))).toBe('100307');
  });

  it('enforces the code state, the time window and the limits', async () => {
    const qrcode = current.simulator.state.qrcodes[0];
    if (qrcode) qrcode.state = 'paused';
    expect(await keyOf(client().addRecord(record()))).toBe('100314');
    if (qrcode) qrcode.state = 'active';

    const form = current.simulator.state.forms[0];
    if (!form) throw new Error('no form');
    form.window = { start: Date.now() + 60_000, end: Date.now() + 120_000 };
    expect(await keyOf(client().addRecord(record()))).toBe('100313');
    form.window = undefined;

    form.userLimit = 1;
    await client().addRecord(record('13800138001'));
    expect(await keyOf(client().addRecord(record('13800138002')))).toBe('100311');
    form.userLimit = undefined;
    form.formLimit = 1;
    expect(await keyOf(client().addRecord(record('13800138003')))).toBe('100312');
  });
});

describe('the simulator answers certificate verification', () => {
  const verify = (certificate_code: string, extra: object = {}) =>
    client().verifyCertificate({ certificate_code, action_type: 'set_next_certificate_status', ...extra });

  it('moves an approved certificate to its next status, once', async () => {
    await expect(verify('https://qr.cli.im/c/CERT-1')).resolves.toMatchObject({
      certificateStatus: '已核销',
    });
    expect(await keyOf(verify('https://qr.cli.im/c/CERT-1'))).toBe('100324');
  });

  it.each([
    ['an unknown code → 100320', () => verify('https://qr.cli.im/c/NOPE'), '100320'],
    ['a record not approved → 100322', () => verify('https://qr.cli.im/c/CERT-2'), '100322'],
    ['another form’s scope → 100323', () => verify('https://qr.cli.im/c/CERT-1', { tpl_id: 1 }), '100323'],
    [
      'an invalid action → 100325',
      () => verify('https://qr.cli.im/c/CERT-1', { action_type: 'burn' }),
      '100325',
    ],
    [
      'a status that does not exist → 100326',
      () =>
        verify('https://qr.cli.im/c/CERT-1', {
          action_type: 'set_certificate_status',
          to_certificate_status: '作废',
        }),
      '100326',
    ],
  ])('refuses %s', async (_, call, key) => {
    expect(await keyOf(call())).toBe(key);
  });

  it('asks for verification to be enabled, for permission, for identity and for a fresh authorization code', async () => {
    const [certificate] = current.simulator.state.certificates;
    if (!certificate) throw new Error('no certificate');
    certificate.verifiable = false;
    expect(await keyOf(verify(certificate.certificate_code))).toBe('100321');
    certificate.verifiable = true;

    current.simulator.state.verifiers.anonymous = { canVerify: false, identityComplete: true };
    expect(await keyOf(verify(certificate.certificate_code))).toBe('100328');
    current.simulator.state.verifiers.anonymous = { canVerify: true, identityComplete: false };
    expect(await keyOf(verify(certificate.certificate_code))).toBe('100329');
    current.simulator.state.verifiers.anonymous = { canVerify: true, identityComplete: true };

    certificate.needsAuthCode = true;
    current.simulator.state.authCodes = { OLD: Date.now() - 1, FRESH: Date.now() + 60_000 };
    expect(await keyOf(verify(certificate.certificate_code, { auth_code: 'OLD' }))).toBe('100327');
    await expect(verify(certificate.certificate_code, { auth_code: 'FRESH' })).resolves.toMatchObject({
      certificateStatus: '已核销',
    });
  });
});

describe('the simulator’s transport', () => {
  it('answers an unknown key with 401 + 100315 and a read-only key’s write with 403', async () => {
    current.simulator = createSimulator({
      state: { ...defaultSimulatorState(), apiKeys: { reader: { write: false } } },
    });
    expect(await keyOf(createApiClient({ apiKey: 'stolen' }).getFormList())).toBe('100315');
    expect(await keyOf(createApiClient().getFormList())).toBe('401');
    expect(await keyOf(createApiClient({ apiKey: 'reader' }).addRecord(record()))).toBe('403');
    await expect(createApiClient({ apiKey: 'reader' }).getFormList()).resolves.toMatchObject({
      version: 'v2',
    });
  });

  it('spends a request budget per key and answers 429 with Retry-After', async () => {
    current.simulator = createSimulator({
      state: { ...defaultSimulatorState(), budget: { capacity: 2, perSecond: 1 } },
    });
    const raw = () =>
      fetch('https://open.cli.im/api/v2/rpc/record/getFormList', { method: 'POST', body: '{}' }).then((r) => [
        r.status,
        r.headers.get('retry-after'),
      ]);
    expect([await raw(), await raw(), await raw()]).toEqual([
      [200, null],
      [200, null],
      [429, '1'],
    ]);
  });

  it.each([
    ['a bare HTML 502', { status: 502, html: true }, { kind: 'http', code: 502 }],
    ['a forced error_code', { code: 400, errorCode: 100319 }, { kind: 'api', errorCode: 100319 }],
    ['a 429 with Retry-After', { code: 429, retryAfter: '7' }, { code: 429, retryAfterMs: 7000 }],
    ['a network failure', { network: true }, { kind: 'network' }],
    ['a malformed body', { status: 200, body: '{"code":0,"da' }, { kind: 'invalid-response' }],
    ['a timeout', { delayMs: 2000 }, { kind: 'timeout' }],
  ])('injects %s for the next call only', async (_, fault, expected) => {
    current.simulator.inject({ endpoint: 'getTemplate', ...fault });
    expect(await failure(client().getTemplate({ tpl_id: 7001 }))).toMatchObject(expected);
    await expect(client().getTemplate({ tpl_id: 7001 })).resolves.toMatchObject({ version: 'v2' });
  });

  it('injects a fault for N calls of one endpoint, leaving the others alone', async () => {
    current.simulator.inject({ endpoint: 'addRecord', times: 2, status: 502, html: true });
    await expect(client().getFormList()).resolves.toBeDefined();
    expect(await keyOf(client().addRecord(record()))).toBe('502');
    expect(await keyOf(client().addRecord(record()))).toBe('502');
    await expect(client().addRecord(record())).resolves.toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createSimulator, defaultSimulatorState, type Simulator } from '../../src/testing/index.js';
import { keyOf, NOTE, record, serveSimulator } from './simulator-kit.js';

const current = serveSimulator();

const CHOICE = 71234567890104;
const COUNT = 71234567890105;
const TOPICS = 71234567890106;

/** The default world with a radio, a number and a checkbox field added to its form. */
function simulatorWithOptions(): Simulator {
  const state = defaultSimulatorState();
  state.forms[0]?.fields.push(
    { field_id: CHOICE, field_title: '场次', field_type: 'radio' },
    { field_id: COUNT, field_title: '人数', field_type: 'number' },
    { field_id: TOPICS, field_title: '感兴趣的话题', field_type: 'checkbox' },
  );
  return createSimulator({ state });
}

/** What the simulator answers, read as the client would: HTTP status and envelope. */
function call(simulator: Simulator, endpoint: Parameters<Simulator['handle']>[0], body: unknown) {
  const answer = simulator.handle(endpoint, body);
  if ('network' in answer) throw new Error('no answer');
  return { status: answer.status, ...JSON.parse(answer.body) };
}

const submit = (simulator: Simulator, fields: unknown[]) =>
  call(simulator, 'addRecord', { code_id: 8001, tpl_id: 7001, fields: [...record().fields, ...fields] });

describe('a submission the API cannot read gets 400 + 100301 and stores nothing', () => {
  it.each([
    ['an entry that is null', [null]],
    ['an entry that is a number', [42]],
    ['an entry without a field_id', [{ field_type: 'text', field_value: 'x' }]],
    ['a field_id the form does not have', [{ field_id: 1, field_type: 'text', field_value: 'x' }]],
    ['an object for a text field', [{ field_id: NOTE, field_type: 'textarea', field_value: { text: 'x' } }]],
    ['a list for a text field', [{ field_id: NOTE, field_type: 'textarea', field_value: ['x'] }]],
    ['a string where an option is expected', [{ field_id: CHOICE, field_type: 'radio', field_value: 'A' }]],
    ['a bare number for a number field', [{ field_id: COUNT, field_type: 'number', field_value: 3 }]],
    ['a string where a list is expected', [{ field_id: TOPICS, field_type: 'checkbox', field_value: 'a,b' }]],
    [
      'a list of strings where a list of options is expected',
      [{ field_id: TOPICS, field_type: 'checkbox', field_value: { values: ['a'] } }],
    ],
  ])('%s', (_, fields) => {
    const simulator = simulatorWithOptions();
    expect(submit(simulator, fields)).toMatchObject({ status: 400, code: 400, error_code: 100301 });
    expect(simulator.state.records).toHaveLength(0);
  });

  it('stores the shapes the docs show: text, { option_id }, { value }, { values: [{ option_id }] }', () => {
    const simulator = simulatorWithOptions();
    const answer = submit(simulator, [
      { field_id: NOTE, field_type: 'textarea', field_value: '靠窗' },
      { field_id: CHOICE, field_type: 'radio', field_value: { option_id: 11 } },
      { field_id: COUNT, field_type: 'number', field_value: { value: 2 } },
      {
        field_id: TOPICS,
        field_type: 'checkbox',
        field_value: { values: [{ option_id: 21, custom_text: '其他' }] },
      },
    ]);
    expect(answer).toMatchObject({ status: 200, code: 0, data: { record_id: expect.any(Number) } });
    expect(simulator.state.records).toHaveLength(1);
  });

  it('reaches the client as an api error with code 400 kept (not a crash, not a 500)', async () => {
    const request = { ...record(), fields: [null] } as unknown as ReturnType<typeof record>;
    expect(await keyOf(createApiClient().addRecord(request))).toBe('100301');
    expect(current.simulator.state.records).toHaveLength(0);
  });
});

describe('a value too long to keep gets 100309, naming its field', () => {
  it('refuses 10 MB in a text field, through the client', async () => {
    const fields = [
      ...record().fields,
      { field_id: NOTE, field_type: 'textarea', field_value: 'x'.repeat(10e6) },
    ];
    const error = await createApiClient()
      .addRecord({ ...record(), fields })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'api', status: 400, errorCode: 100309, detail: `invalid: ${NOTE}` });
    expect(current.simulator.state.records).toHaveLength(0);
  });

  it('keeps 50,000 characters and refuses 50,001', () => {
    const simulator = createSimulator();
    const note = (length: number) => [
      { field_id: NOTE, field_type: 'textarea', field_value: 'x'.repeat(length) },
    ];
    expect(submit(simulator, note(50_001))).toMatchObject({
      error_code: 100309,
      message_detail: `invalid: ${NOTE}`,
    });
    expect(submit(simulator, note(50_000))).toMatchObject({ code: 0 });
  });
});

describe('paging stays within the documented range', () => {
  it.each([0, -1, 51, 1.5, 'ten'])('getRecords refuses page_size %s with 100301', (page_size) => {
    expect(call(createSimulator(), 'getRecords', { page_size })).toMatchObject({
      status: 400,
      error_code: 100301,
    });
  });

  it.each([0, 21])('getFormList refuses page_size %s with 100301', (page_size) => {
    expect(call(createSimulator(), 'getFormList', { page_size })).toMatchObject({ error_code: 100301 });
  });

  it('getFormList refuses page 0 with 100301', () => {
    expect(call(createSimulator(), 'getFormList', { page: 0 })).toMatchObject({ error_code: 100301 });
  });

  it('getRecords pages by its own cursor and refuses one it did not make', () => {
    const simulator = createSimulator();
    for (const phone of ['13800138001', '13800138002', '13800138003'])
      call(simulator, 'addRecord', record(phone));
    const first = call(simulator, 'getRecords', { page_size: 2 }).data;
    expect(first).toMatchObject({ list: [{}, {}], page_token: '2', total: 3 });
    const last = call(simulator, 'getRecords', { page_size: 2, page_token: first.page_token }).data;
    expect(last.list).toHaveLength(1);
    expect(last.page_token).toBeUndefined();
    expect(call(simulator, 'getRecords', { page_size: 50 }).data.list).toHaveLength(3);
    expect(call(simulator, 'getRecords', { page_token: 'abc' })).toMatchObject({ error_code: 100301 });
    expect(call(simulator, 'getRecords', { page_token: '4' })).toMatchObject({ error_code: 100301 });
  });

  it.each([
    ['getRecords', {}],
    ['getRecord', { record_id: 1 }],
    ['getQrcodeContent', { qrcode: 'q8001' }],
  ] as const)('%s refuses an unknown format with 100305', (endpoint, body) => {
    expect(call(createSimulator(), endpoint, { ...body, format: 'xml' })).toMatchObject({
      error_code: 100305,
    });
  });
});

describe('a number the API cannot read is refused with 100301, not looked up', () => {
  const notIds = [0, -1, 1.5, '0', '1.5', '-1', ' 7001', '9007199254740993', true];

  it.each(notIds)('getTemplate refuses tpl_id %j', (tpl_id) => {
    expect(call(createSimulator(), 'getTemplate', { tpl_id })).toMatchObject({ error_code: 100301 });
  });

  it.each(notIds)('getRecord refuses record_id %j, even beside a record_url', (record_id) => {
    const simulator = createSimulator();
    expect(call(simulator, 'getRecord', { record_id })).toMatchObject({ error_code: 100301 });
    const url = `https://qr.cli.im/r/${call(simulator, 'addRecord', record()).data.record_id}`;
    expect(call(simulator, 'getRecord', { record_id, record_url: url })).toMatchObject({
      error_code: 100301,
    });
  });

  it.each(notIds)('addRecord refuses code_id %j and stores nothing', (code_id) => {
    const simulator = createSimulator();
    expect(call(simulator, 'addRecord', { ...record(), code_id })).toMatchObject({ error_code: 100301 });
    expect(simulator.state.records).toHaveLength(0);
  });

  it.each([1.5, -1, '1.5', '1e0', true])('getRecords refuses page_token %j', (page_token) => {
    const simulator = createSimulator();
    call(simulator, 'addRecord', record());
    call(simulator, 'addRecord', record('13800138002'));
    expect(call(simulator, 'getRecords', { page_token })).toMatchObject({ error_code: 100301 });
  });

  it.each([1.5, '1e0', ' 2', true])('getFormList refuses page %j', (page) => {
    expect(call(createSimulator(), 'getFormList', { page })).toMatchObject({ error_code: 100301 });
  });

  it('reads ids and cursors given as numbers or as decimal text alike', () => {
    const simulator = createSimulator();
    const { record_id } = call(simulator, 'addRecord', { ...record(), code_id: '8001', tpl_id: '7001' }).data;
    expect(call(simulator, 'getTemplate', { tpl_id: '7001' })).toMatchObject({ code: 0 });
    expect(call(simulator, 'getRecord', { record_id: String(record_id) })).toMatchObject({ code: 0 });
    expect(call(simulator, 'getRecords', { page_token: 0 }).data.list).toHaveLength(1);
    expect(call(simulator, 'getRecords', { page_token: '1' }).data.list).toHaveLength(0);
    expect(call(simulator, 'getFormList', { page: '1' }).data.list).toHaveLength(1);
  });
});

describe('getRecord finds a record by record_id or by record_url', () => {
  it('finds the record a submission stored by the record_url that getRecords lists', async () => {
    const client = createApiClient();
    const { record_id } = await client.addRecord(record());
    const { list } = await client.getRecords({});
    const url = list[0]?.record_url;
    expect(url).toEqual(expect.stringMatching(/^https:\/\//));
    await expect(client.getRecord({ record_url: url ?? '' })).resolves.toMatchObject({
      data: { record_id, record_url: url },
    });
    await expect(client.getRecord({ record_id: record_id ?? 0 })).resolves.toMatchObject({
      data: { record_url: url },
    });
  });

  it('finds a seeded record by the record_url it was given', () => {
    const simulator = createSimulator();
    simulator.state.records.push({
      record_id: 7,
      record_url: 'https://qr61.cn/r/seeded',
      tpl_id: 7001,
      code_id: 8001,
      user: 'someone',
      submit_at: 0,
      fields: [],
    });
    expect(call(simulator, 'getRecord', { record_url: 'https://qr61.cn/r/seeded' })).toMatchObject({
      data: { data: { record_id: 7 } },
    });
  });

  it('answers 100303 for a record_url it does not know and 100301 for a request with neither', () => {
    const simulator = createSimulator();
    call(simulator, 'addRecord', record());
    expect(call(simulator, 'getRecord', { record_url: 'https://qr.cli.im/r/1' })).toMatchObject({
      error_code: 100303,
    });
    expect(call(simulator, 'getRecord', {})).toMatchObject({ error_code: 100301 });
    expect(call(simulator, 'getRecord', { record_url: ' ' })).toMatchObject({ error_code: 100301 });
  });
});

describe('the QR code endpoints read only a coding or a 草料 QR code URL', () => {
  it.each([
    'q8001',
    'https://qr61.cn/oXyZ12/q8001',
    'https://h5.clewm.net/q8001',
    'http://qr.cli.im/q8001',
    ' https://QR.CLI.IM/q8001 ',
  ])('finds the code by %j', (qrcode) => {
    const simulator = createSimulator();
    expect(call(simulator, 'getQrcodeContent', { qrcode })).toMatchObject({
      code: 0,
      data: { meta: { id: 8001 } },
    });
    expect(call(simulator, 'getQrcodeOperation', { qrcode })).toMatchObject({ code: 0 });
  });

  it.each([
    ['another site’s URL', 'https://example.com/q8001'],
    ['a look-alike host', 'https://cli.im.example.com/q8001'],
    ['a host that only ends like ours', 'https://evilcli.im/q8001'],
    ['a URL with credentials', 'https://user:pass@qr.cli.im/q8001'],
    ['another scheme', 'javascript:alert(1)//q8001'],
    ['a sentence', 'scan q8001 please'],
    ['nothing', ''],
    ['a number', 8001],
  ])('answers 400 + 100301 for %s', (_, qrcode) => {
    const simulator = createSimulator();
    expect(call(simulator, 'getQrcodeContent', { qrcode })).toMatchObject({
      status: 400,
      error_code: 100301,
    });
    expect(call(simulator, 'getQrcodeOperation', { qrcode })).toMatchObject({
      status: 400,
      error_code: 100301,
    });
  });

  it.each(['q9999', 'https://qr61.cn/oXyZ12/q9999'])(
    'answers 404 for a code it does not have: %s',
    (qrcode) => {
      expect(call(createSimulator(), 'getQrcodeContent', { qrcode })).toMatchObject({
        status: 404,
        code: 404,
      });
    },
  );
});

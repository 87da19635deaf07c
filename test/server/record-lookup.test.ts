import { describe, expect, it } from 'vitest';
import { findRecord, type Submission, submissionOf, withMarker } from '../../src/server/record-lookup.js';

const KEY = '0b6a2f51-3c1e-4d7a-a1f0-6d2b9c8e7f40';
const MARKER = 7104;
const FIELDS = [
  { field_id: 1, field_type: 'name', field_value: '张三' },
  { field_id: 2, field_type: 'tel', field_value: '13800138000' },
];
const BODY = { tpl_id: 7001, code_id: 8001, fields: FIELDS };

const submission = (fields: unknown[] = FIELDS): Submission => {
  const read = submissionOf(JSON.stringify({ ...BODY, fields }));
  if (!read) throw new Error('no submission');
  return read;
};
const recordOf = (recordId: number, fields: unknown[] = FIELDS) => ({ record_id: recordId, fields });

/** `findRecord` over pages of records given in order, noting each page's parameters. */
async function find(
  pages: unknown[],
  { marker, of = submission(), limit = 4 }: { marker?: boolean; of?: Submission; limit?: number } = {},
) {
  const asked: Record<string, unknown>[] = [];
  const result = await findRecord({
    submission: of,
    marker: marker ? { fieldId: MARKER, key: KEY } : undefined,
    from: 1_700_000_000,
    to: 1_700_000_200,
    pages: limit,
    readRecords: async (params) => {
      asked.push(params);
      return pages[asked.length - 1];
    },
  });
  return { result, asked };
}
const page = (list: unknown[], pageToken?: string) => ({
  list,
  ...(pageToken !== undefined && { page_token: pageToken }),
});

describe('submissionOf', () => {
  it('reads the form, the code and each value of an addRecord body', () => {
    expect(submissionOf(JSON.stringify(BODY))).toEqual({
      tplId: 7001,
      codeId: 8001,
      values: new Map([
        ['1', '"张三"'],
        ['2', '"13800138000"'],
      ]),
    });
  });

  it('takes ids written as text, and leaves out fields that are no objects', () => {
    const read = submissionOf(
      JSON.stringify({ tpl_id: '7001', code_id: '8001', fields: [FIELDS[0], 'x', null, [1]] }),
    );
    expect(read).toEqual({ tplId: 7001, codeId: 8001, values: new Map([['1', '"张三"']]) });
  });

  it.each([
    ['a list', [BODY]],
    ['null', null],
    ['no fields', { tpl_id: 7001, code_id: 8001 }],
    ['fields that are no list', { tpl_id: 7001, code_id: 8001, fields: {} }],
    ['no tpl_id', { code_id: 8001, fields: [] }],
    ['a tpl_id of 0', { tpl_id: 0, code_id: 8001, fields: [] }],
    ['a negative tpl_id', { tpl_id: -7001, code_id: 8001, fields: [] }],
    ['a tpl_id in fractions', { tpl_id: 70.01, code_id: 8001, fields: [] }],
    ['a tpl_id past safe integers', { tpl_id: 2 ** 53, code_id: 8001, fields: [] }],
    ['a tpl_id of letters', { tpl_id: 'abc', code_id: 8001, fields: [] }],
    ['a tpl_id with a leading zero', { tpl_id: '07001', code_id: 8001, fields: [] }],
    ['no code_id', { tpl_id: 7001, fields: [] }],
    ['a code_id that is no id', { tpl_id: 7001, code_id: true, fields: [] }],
  ])('finds no submission in %s', (_label, body) => {
    expect(submissionOf(JSON.stringify(body))).toBeUndefined();
  });

  it('compares values whatever the order of their keys, and tells 1 from "1"', () => {
    const a = submission([{ field_id: 3, field_value: { b: [1, { d: 2, c: null }], a: 'x' } }]);
    const b = submission([{ field_id: 3, field_value: { a: 'x', b: [1, { c: null, d: 2 }] } }]);
    expect(a.values).toEqual(b.values);
    expect(a.values.get('3')).toBe('{"a":"x","b":[1,{"c":null,"d":2}]}');
    expect(submission([{ field_id: 3, field_value: 1 }]).values.get('3')).toBe('1');
    expect(submission([{ field_id: 3, field_value: '1' }]).values.get('3')).toBe('"1"');
    expect(submission([{ field_id: 3 }]).values.get('3')).toBe('null');
  });

  it('throws a RangeError on values nested too deeply to compare', () => {
    const deep = `{"tpl_id":7001,"code_id":8001,"fields":[{"field_id":1,"field_value":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(() => submissionOf(deep)).toThrow(RangeError);
  });
});

describe('withMarker', () => {
  it('adds the key as the marker field’s value, keeping the rest of the body', () => {
    const sent = JSON.parse(withMarker(JSON.stringify({ ...BODY, extra: 1 }), MARKER, KEY));
    expect(sent).toEqual({
      ...BODY,
      extra: 1,
      fields: [...FIELDS, { field_id: MARKER, field_type: 'text', field_value: KEY }],
    });
  });

  it('replaces what the browser sent in the marker field, keeping its type', () => {
    const forged = [
      ...FIELDS,
      { field_id: String(MARKER), field_type: 'textarea', field_value: 'forged' },
      'x',
    ];
    const sent = JSON.parse(withMarker(JSON.stringify({ ...BODY, fields: forged }), MARKER, KEY));
    expect(sent.fields).toEqual([
      ...FIELDS,
      'x',
      { field_id: MARKER, field_type: 'textarea', field_value: KEY },
    ]);
  });
});

describe('findRecord', () => {
  it('asks for this form and this code, in the window, newest first, 50 a page, following page_token', async () => {
    const { asked } = await find([page([recordOf(1, [])], 'next-1'), page([], undefined)]);
    const first = {
      filters: { record_template: { id: 7001 }, qrcode: { id: 8001 } },
      start_time: 1_700_000_000,
      end_time: 1_700_000_200,
      order_by: 'submit_at,desc',
      page_size: 50,
    };
    expect(asked).toStrictEqual([first, { ...first, page_token: 'next-1' }]);
  });

  it('claims the only record whose every value matches, even among pages', async () => {
    const other = recordOf(1, [FIELDS[0], { field_id: 2, field_value: '13900139000' }]);
    const { result, asked } = await find([page([other], 't1'), page([recordOf(2, [...FIELDS].reverse())])]);
    expect(result).toEqual({ recordId: 2 });
    expect(asked).toHaveLength(2);
  });

  it('leaves unclaimed a record that matches some values but not all', async () => {
    const half = recordOf(1, [FIELDS[0], { field_id: 2, field_value: '13900139000' }]);
    expect((await find([page([half])])).result).toEqual({ notFound: 'none' });
  });

  it('leaves unclaimed a record that lacks a submitted field', async () => {
    expect((await find([page([recordOf(1, [FIELDS[0]])])])).result).toEqual({ notFound: 'none' });
  });

  it('claims a record that holds more fields than were submitted (ones the form filled in)', async () => {
    const more = recordOf(1, [...FIELDS, { field_id: 9, field_value: 'auto' }]);
    expect((await find([page([more])])).result).toEqual({ recordId: 1 });
  });

  it('leaves unclaimed records without fields, and entries that are no records', async () => {
    const list = [{ record_id: 1 }, { record_id: 2, fields: 'none' }, null, 'x', [recordOf(3)]];
    expect((await find([page(list)])).result).toEqual({ notFound: 'none' });
  });

  it('leaves unclaimed a record without fields even against a field without id or value', async () => {
    const of = submission([{ field_type: 'text' }]);
    expect((await find([page([{ record_id: 1, fields: 'none' }])], { of })).result).toEqual({
      notFound: 'none',
    });
  });

  it('claims none of several equal records', async () => {
    const { result } = await find([page([recordOf(1)], 't1'), page([recordOf(2)])]);
    expect(result).toEqual({ notFound: 'several' });
  });

  it('with a marker, claims the record holding the key, not the ones with equal values', async () => {
    const mark = (key: string) => ({ field_id: MARKER, field_value: key });
    const list = [
      recordOf(1, [...FIELDS, mark('another-key-0000000')]),
      recordOf(2, [...FIELDS, mark(KEY)]),
      recordOf(3),
    ];
    const { result, asked } = await find([page(list, 't1'), page([])], { marker: true });
    expect(result).toEqual({ recordId: 2 });
    expect(asked).toHaveLength(1);
  });

  it('with a marker, claims nothing when no record holds the key', async () => {
    const { result } = await find([page([recordOf(1), recordOf(2)])], { marker: true });
    expect(result).toEqual({ notFound: 'none' });
  });

  it.each([
    ['a failed page', undefined],
    ['data that is no object', 'x'],
    ['a list that is no list', { list: {} }],
  ])('fails on %s', async (_label, data) => {
    expect((await find([page([recordOf(9, [])], 't1'), data])).result).toEqual({ failed: true });
  });

  it.each([
    ['an empty page_token', page([recordOf(1)], ''), { recordId: 1 }],
    ['a page_token that is no text', { list: [recordOf(1)], page_token: 2 }, { recordId: 1 }],
    ['an empty page', page([], 't1'), { notFound: 'none' }],
  ])('stops at %s', async (_label, last, expected) => {
    const { result, asked } = await find([last, page([recordOf(9)])]);
    expect(asked).toHaveLength(1);
    expect(result).toEqual(expected);
  });

  it('fails when the window holds more pages than it may read', async () => {
    const { result, asked } = await find([page([recordOf(1)], 't1'), page([], 't2'.repeat(1)), page([])], {
      limit: 1,
    });
    expect(result).toEqual({ failed: true });
    expect(asked).toHaveLength(1);
  });
});

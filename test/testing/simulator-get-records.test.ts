import { describe, expect, it } from 'vitest';
import {
  createSimulator,
  defaultSimulatorState,
  type SimulatedRecord,
  type Simulator,
} from '../../src/testing/index.js';
import { NAME } from './simulator-kit.js';

/** A record of the sign-up form, submitted at `at` (Unix seconds). */
const stored = (record_id: number, at: number, tpl_id = 7001, code_id = 8001): SimulatedRecord => ({
  record_id,
  tpl_id,
  code_id,
  user: 'anonymous',
  submit_at: at,
  fields: [{ field_id: NAME, field_type: 'name', field_value: `n${record_id}` }],
});

/** A world of two forms and two codes, with records seeded out of order. */
function world(): Simulator {
  const state = defaultSimulatorState();
  state.records = [
    stored(3, 1_700_000_300),
    stored(1, 1_700_000_100),
    stored(2, 1_700_000_200, 7002),
    stored(4, 1_700_000_200, 7001, 8002),
    stored(5, 1_700_000_300),
  ];
  return createSimulator({ state });
}

function list(simulator: Simulator, body: Record<string, unknown>) {
  const answer = simulator.handle('getRecords', body);
  if ('network' in answer) throw new Error('no answer');
  return { status: answer.status, ...JSON.parse(answer.body) };
}
const ids = (simulator: Simulator, body: Record<string, unknown>) =>
  list(simulator, body).data.list.map((record: SimulatedRecord) => record.record_id);

describe('getRecords filters, windows and orders as the API documents', () => {
  it('keeps only the records of the form and code the filters name', () => {
    const simulator = world();
    expect(ids(simulator, { filters: { record_template: { id: 7001 } } })).toEqual([3, 1, 4, 5]);
    expect(ids(simulator, { filters: { qrcode: { id: '8002' } } })).toEqual([4]);
    const both = { record_template: { id: 7001 }, qrcode: { id: 8001 } };
    expect(list(simulator, { filters: both }).data).toMatchObject({ total: 3 });
  });

  it('keeps the records submitted from start_time to end_time, both included', () => {
    const simulator = world();
    expect(ids(simulator, { start_time: 1_700_000_200 })).toEqual([3, 2, 4, 5]);
    expect(ids(simulator, { end_time: '1700000200' })).toEqual([1, 2, 4]);
    expect(ids(simulator, { start_time: 1_700_000_150, end_time: 1_700_000_250 })).toEqual([2, 4]);
  });

  it('orders by submit_at either way, ties in the order the records came', () => {
    const simulator = world();
    expect(ids(simulator, { order_by: 'submit_at,desc' })).toEqual([5, 3, 4, 2, 1]);
    expect(ids(simulator, { order_by: 'submit_at,asc' })).toEqual([1, 2, 4, 3, 5]);
  });

  it('pages through the filtered, ordered list', () => {
    const simulator = world();
    const body = { filters: { record_template: { id: 7001 } }, order_by: 'submit_at,desc', page_size: 2 };
    const first = list(simulator, body).data;
    expect(first).toMatchObject({ page_token: '2', total: 4 });
    expect(first.list.map((record: SimulatedRecord) => record.record_id)).toEqual([5, 3]);
    const next = list(simulator, { ...body, page_token: first.page_token }).data;
    expect(next.list.map((record: SimulatedRecord) => record.record_id)).toEqual([4, 1]);
    expect(next.page_token).toBeUndefined();
  });

  it.each([
    ['filters that are not an object', { filters: 'x' }],
    ['filters that are a list', { filters: [] }],
    ['a record_template without an id', { filters: { record_template: {} } }],
    ['a record_template id of 0', { filters: { record_template: { id: 0 } } }],
    ['a qrcode id that is not a number', { filters: { qrcode: { id: 'q8001' } } }],
    ['a start_time in milliseconds as a fraction', { start_time: 1.5 }],
    ['a negative end_time', { end_time: -1 }],
    ['an ISO start_time', { start_time: '2025-02-27 10:38:01' }],
    ['a start_time after the end_time', { start_time: 2, end_time: 1 }],
    ['an unknown order', { order_by: 'record_id,desc' }],
  ])('refuses %s with 100301', (_name, body) => {
    expect(list(world(), body)).toMatchObject({ status: 400, error_code: 100301 });
  });
});

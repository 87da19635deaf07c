import type { EndpointName } from '../client/index.js';
import { codingOf } from './qrcode-reference.js';
import { isId, type RequestParams, wholeNumberOf } from './request-params.js';
import { businessAnswer, errorBody, type HttpAnswer, jsonAnswer, okAnswer } from './responses.js';
import { formOf, type SimulatedForm, type SimulatedRecord, type SimulatorState } from './simulator-state.js';

const notFound = () => jsonAnswer(404, errorBody(404));

/** The documented page sizes run from 1 to `max`; `fallback` when none is given. */
function pageSize(value: unknown, fallback: number, max: number): number | HttpAnswer {
  if (value === undefined) return fallback;
  const size = wholeNumberOf(value);
  return size !== undefined && size >= 1 && size <= max
    ? size
    : businessAnswer(100301, `page_size must be 1–${max}`);
}

const formatIs = (value: unknown, formats: string[]) =>
  value === undefined || formats.includes(String(value));

/** Where a stored record can be read back by URL (the API's form of it is not documented). */
const recordUrlOf = (record: SimulatedRecord) =>
  record.record_url ?? `https://qr.cli.im/r/${record.record_id}`;
const published = (record: SimulatedRecord) => ({ ...record, record_url: recordUrlOf(record) });

function template(form: SimulatedForm) {
  return {
    version: 'v2',
    data: {
      form: {
        id: form.tpl_id,
        name: form.name,
        type: 1,
        type_text: '表单',
        number: String(form.tpl_id),
        description: '',
        submit_button_title: '提交',
      },
      org: { id: 1 },
      project: { id: 1 },
      groups: [
        {
          group_id: 1,
          group_title: '',
          show_group_title: false,
          is_page_break_group: false,
          fields: form.fields.map((field) => ({
            field_id: field.field_id,
            field_title: field.field_title,
            field_desc: '',
            field_type: field.field_type,
            field_short_name: '',
            group_id: 1,
            settings: {
              is_required: !!field.required,
              is_hidden: false,
              is_result: false,
              is_masked: false,
              is_unique: !!field.unique,
              is_highlight: false,
            },
          })),
        },
      ],
      audit_config: { enabled: false, stages: [] },
    },
  };
}

function formList(state: SimulatorState, body: RequestParams): HttpAnswer {
  const size = pageSize(body.page_size, 10, 20);
  if (typeof size !== 'number') return size;
  const page = body.page === undefined ? 1 : wholeNumberOf(body.page);
  if (page === undefined || page < 1) return businessAnswer(100301, 'page must be 1 or more');
  return okAnswer({
    version: 'v2',
    list: state.forms
      .slice((page - 1) * size, page * size)
      .map((form) => ({ id: form.tpl_id, name: form.name })),
    page: { current_page: page, last_page: Math.max(1, Math.ceil(state.forms.length / size)) },
  });
}

function getRecord(state: SimulatorState, body: RequestParams): HttpAnswer {
  if (!formatIs(body.format, ['json', 'json-ld', 'markdown'])) return businessAnswer(100305);
  const { record_id: id, record_url: url } = body;
  if (id !== undefined && !isId(id))
    return businessAnswer(100301, 'record_id must be a positive whole number');
  if (id === undefined && (typeof url !== 'string' || url.trim() === ''))
    return businessAnswer(100301, 'record_id or record_url is required');
  const record = state.records.find((candidate) =>
    id !== undefined
      ? String(candidate.record_id) === String(id)
      : recordUrlOf(candidate) === String(url).trim(),
  );
  if (!record) return businessAnswer(100303);
  return okAnswer({
    format: body.format ?? 'json',
    version: 'v2',
    content_type: 'application/json',
    data: published(record),
  });
}

const ORDERS = ['submit_at,desc', 'submit_at,asc'];

/** An optional id filter (`{ id }`) of getRecords: the id, `undefined` for none, or the refusal. */
function idFilter(value: unknown, name: string): string | undefined | HttpAnswer {
  if (value === undefined) return undefined;
  const id = typeof value === 'object' && value !== null ? (value as RequestParams).id : undefined;
  return isId(id) ? String(wholeNumberOf(id)) : businessAnswer(100301, `filters.${name}.id must be an id`);
}

/** The records getRecords lists: this form, this code, submitted in the window, in this order. */
function matchingRecords(state: SimulatorState, body: RequestParams): SimulatedRecord[] | HttpAnswer {
  const { filters = {}, start_time: startTime, end_time: endTime, order_by: orderBy } = body;
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters))
    return businessAnswer(100301, 'filters must be an object');
  const { record_template: template, qrcode } = filters as RequestParams;
  const tplId = idFilter(template, 'record_template');
  if (typeof tplId === 'object') return tplId;
  const codeId = idFilter(qrcode, 'qrcode');
  if (typeof codeId === 'object') return codeId;
  const from = startTime === undefined ? 0 : wholeNumberOf(startTime);
  const to = endTime === undefined ? Number.MAX_SAFE_INTEGER : wholeNumberOf(endTime);
  if (from === undefined || to === undefined)
    return businessAnswer(100301, 'start_time and end_time must be Unix seconds');
  if (from > to) return businessAnswer(100301, 'start_time must not be after end_time');
  if (orderBy !== undefined && !ORDERS.includes(String(orderBy)))
    return businessAnswer(100301, `order_by must be ${ORDERS.join(' or ')}`);
  const records = state.records.filter(
    (record) =>
      (tplId === undefined || String(record.tpl_id) === tplId) &&
      (codeId === undefined || String(record.code_id) === codeId) &&
      record.submit_at >= from &&
      record.submit_at <= to,
  );
  if (orderBy === undefined) return records;
  // Ties (one second) keep the order the records came in: record ids grow.
  const direction = orderBy === 'submit_at,desc' ? -1 : 1;
  return records.sort((a, b) => direction * (a.submit_at - b.submit_at || a.record_id - b.record_id));
}

function getRecords(state: SimulatorState, body: RequestParams): HttpAnswer {
  if (!formatIs(body.format, ['json', 'json-ld', 'markdown'])) return businessAnswer(100305);
  const size = pageSize(body.page_size, 10, 50);
  if (typeof size !== 'number') return size;
  const records = matchingRecords(state, body);
  if (!Array.isArray(records)) return records;
  const { page_token: token } = body;
  // The cursors are the simulator's own: an offset into the list, as text.
  const start = token === undefined || token === '' ? 0 : wholeNumberOf(token);
  if (start === undefined || start > records.length)
    return businessAnswer(100301, 'page_token is not a cursor of this list');
  const end = start + size;
  return okAnswer({
    list: records.slice(start, end).map(published),
    page_token: end < records.length ? String(end) : undefined,
    total: records.length,
  });
}

function qrcode(state: SimulatorState, endpoint: EndpointName, body: RequestParams): HttpAnswer {
  const coding = codingOf(body.qrcode);
  // Neither a coding nor a 草料 QR URL: a parameter the API cannot read, not a code it lacks.
  if (coding === undefined) return businessAnswer(100301, 'qrcode must be a coding or a 草料 QR code URL');
  const code = state.qrcodes.find((candidate) => candidate.coding === coding);
  if (!code) return notFound();
  if (endpoint === 'getQrcodeOperation') {
    return okAnswer(
      code.tpl_ids.map((tplId) => ({
        operation_name: '填写表单',
        operation_description: '',
        element_type: 2,
        element_type_title: '填写表单',
        element_value: tplId,
      })),
    );
  }
  if (!formatIs(body.format, ['json', 'markdown'])) return businessAnswer(100305);
  return okAnswer({
    meta: {
      id: code.code_id,
      title: code.title,
      url: `https://qr.cli.im/${code.coding}`,
      coding: code.coding,
    },
    fields: [],
  });
}

/** Answers a call that reads: forms, templates, records and QR codes. */
export function answerRead(state: SimulatorState, endpoint: EndpointName, body: RequestParams): HttpAnswer {
  switch (endpoint) {
    case 'getFormList':
      return formList(state, body);
    case 'getTemplate': {
      if (!isId(body.tpl_id)) return businessAnswer(100301, 'tpl_id is required');
      const form = formOf(state, body.tpl_id);
      return form ? okAnswer(template(form)) : businessAnswer(100304);
    }
    case 'getRecord':
      return getRecord(state, body);
    case 'getRecords':
      return getRecords(state, body);
    case 'getQrcodeContent':
    case 'getQrcodeOperation':
      return qrcode(state, endpoint, body);
    default:
      return notFound();
  }
}

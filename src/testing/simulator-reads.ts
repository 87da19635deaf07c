import type { EndpointName } from '../client/index.js';
import type { SimulatedAnswer } from './fault.js';
import { codingOf } from './qrcode-reference.js';
import { businessAnswer as business, errorBody, jsonAnswer, okAnswer as ok } from './responses.js';
import type { SimulatedForm, SimulatedRecord, SimulatorState } from './simulator-state.js';

type Fields = Record<string, unknown>;
type Answer = Exclude<SimulatedAnswer, { network: true }>;

const isNumeric = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
const notFound = () => jsonAnswer(404, errorBody(404));

/** The documented page sizes run from 1 to `max`; `fallback` when none is given. */
function pageSize(value: unknown, fallback: number, max: number): number | Answer {
  if (value === undefined) return fallback;
  const size = isNumeric(value) ? Number(value) : Number.NaN;
  return Number.isInteger(size) && size >= 1 && size <= max
    ? size
    : business(100301, `page_size must be 1–${max}`);
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

function formList(state: SimulatorState, body: Fields): Answer {
  const size = pageSize(body.page_size, 10, 20);
  if (typeof size !== 'number') return size;
  const page = body.page === undefined ? 1 : Number(body.page);
  if (!Number.isInteger(page) || page < 1) return business(100301, 'page must be 1 or more');
  return ok({
    version: 'v2',
    list: state.forms
      .slice((page - 1) * size, page * size)
      .map((form) => ({ id: form.tpl_id, name: form.name })),
    page: { current_page: page, last_page: Math.max(1, Math.ceil(state.forms.length / size)) },
  });
}

function getRecord(state: SimulatorState, body: Fields): Answer {
  if (!formatIs(body.format, ['json', 'json-ld', 'markdown'])) return business(100305);
  const { record_id: id, record_url: url } = body;
  if (!isNumeric(id) && (typeof url !== 'string' || url.trim() === ''))
    return business(100301, 'record_id or record_url is required');
  const record = state.records.find((candidate) =>
    isNumeric(id)
      ? String(candidate.record_id) === String(id)
      : recordUrlOf(candidate) === String(url).trim(),
  );
  if (!record) return business(100303);
  return ok({
    format: body.format ?? 'json',
    version: 'v2',
    content_type: 'application/json',
    data: published(record),
  });
}

function getRecords(state: SimulatorState, body: Fields): Answer {
  if (!formatIs(body.format, ['json', 'json-ld', 'markdown'])) return business(100305);
  const size = pageSize(body.page_size, 10, 50);
  if (typeof size !== 'number') return size;
  const { page_token: token } = body;
  // The cursors are the simulator's own: an offset into the list, as text.
  const start = token === undefined || token === '' ? 0 : isNumeric(token) ? Number(token) : -1;
  if (start < 0 || start > state.records.length)
    return business(100301, 'page_token is not a cursor of this list');
  const end = start + size;
  return ok({
    list: state.records.slice(start, end).map(published),
    page_token: end < state.records.length ? String(end) : undefined,
    total: state.records.length,
  });
}

function qrcode(state: SimulatorState, endpoint: EndpointName, body: Fields): Answer {
  const coding = codingOf(body.qrcode);
  // Neither a coding nor a 草料 QR URL: a parameter the API cannot read, not a code it lacks.
  if (coding === undefined) return business(100301, 'qrcode must be a coding or a 草料 QR code URL');
  const code = state.qrcodes.find((candidate) => candidate.coding === coding);
  if (!code) return notFound();
  if (endpoint === 'getQrcodeOperation') {
    return ok(
      code.tpl_ids.map((tplId) => ({
        operation_name: '填写表单',
        operation_description: '',
        element_type: 2,
        element_type_title: '填写表单',
        element_value: tplId,
      })),
    );
  }
  if (!formatIs(body.format, ['json', 'markdown'])) return business(100305);
  return ok({
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
export function answerRead(state: SimulatorState, endpoint: EndpointName, body: Fields): Answer {
  switch (endpoint) {
    case 'getFormList':
      return formList(state, body);
    case 'getTemplate': {
      if (!isNumeric(body.tpl_id)) return business(100301, 'tpl_id is required');
      const form = state.forms.find((candidate) => String(candidate.tpl_id) === String(body.tpl_id));
      return form ? ok(template(form)) : business(100304);
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

import type { EndpointName } from '../client/index.js';
import { errorBody, gatewayHtml, successBody } from './responses.js';
import { defaultSimulatorState, type SimulatedForm, type SimulatorState } from './simulator-state.js';

/** What the simulator answers: an HTTP answer, or no answer at all (a network failure). */
export type SimulatedAnswer =
  | { status: number; headers: Record<string, string>; body: string; delayMs?: number }
  | { network: true; delayMs?: number };

/**
 * A failure forced on the next calls of an endpoint, whatever the state says.
 * @example simulator.inject({ endpoint: 'addRecord', status: 502, html: true })
 */
export interface Fault {
  /** Which endpoint; all of them when left out. */
  endpoint?: EndpointName;
  /** For how many calls (default 1; `Infinity` for all). */
  times?: number;
  /** An error envelope with this top-level code (HTTP status the same unless `status` says). */
  code?: number;
  errorCode?: number;
  message?: string;
  detail?: string;
  /** HTTP status of the answer. */
  status?: number;
  /** The gateway's bare HTML page instead of an envelope. */
  html?: boolean;
  /** This raw body (a truncated envelope, a proxy's page …). */
  body?: string;
  /** A `Retry-After` header. */
  retryAfter?: string;
  /** No answer at all. */
  network?: boolean;
  /** Answer after this long (for timeouts, or to see a spinner). */
  delayMs?: number;
}

export interface RequestContext {
  /** The key of `Authorization: Bearer …`, if any. */
  apiKey?: string;
  /** Who is calling: the `X-User-Id` header, `anonymous` without it. */
  user?: string;
}

export interface SimulatorOptions {
  /** The world to start from (default: `defaultSimulatorState()`). */
  state?: SimulatorState;
  /** The clock, for windows, expiries and the request budget (default `Date.now`). */
  now?: () => number;
}

export interface Simulator {
  /** The live state: read it in assertions, change it between steps. */
  state: SimulatorState;
  /** Forces a failure on the next calls; see `Fault`. */
  inject(fault: Fault): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  /** Answers one call as the OpenAPI V2 would. */
  handle(endpoint: EndpointName, body: unknown, context?: RequestContext): SimulatedAnswer;
}

type Fields = Record<string, unknown>;
type Answer = Exclude<SimulatedAnswer, { network: true }>;

const json = (status: number, body: object, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const ok = (data: unknown) => json(200, successBody(data));
const business = (errorCode: number, detail?: string) => json(400, errorBody(400, errorCode, detail));
const isNumeric = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
const textOf = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);

function answerFault(fault: Fault): SimulatedAnswer {
  const { delayMs } = fault;
  if (fault.network) return { network: true, delayMs };
  const status = fault.status ?? fault.code ?? 400;
  const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
  if (fault.html)
    return {
      status,
      headers: { ...headers, 'content-type': 'text/html' },
      body: gatewayHtml(status),
      delayMs,
    };
  if (fault.body !== undefined) return { status, headers, body: fault.body, delayMs };
  const envelope = errorBody(fault.code ?? status, fault.errorCode, fault.detail, fault.message);
  return { ...json(status, envelope, headers), delayMs };
}

/**
 * An in-memory 草料 OpenAPI V2: forms with required, unique and validated fields, QR codes and
 * their state, submission limits and windows, records, certificates with ordered statuses and
 * approval, verifiers, expiring authorization codes and a request budget — answering with the
 * documented codes and envelopes.
 *
 * @example
 * const simulator = createSimulator();
 * simulator.state.qrcodes[0].state = 'paused'; // the next addRecord answers 100314
 */
export function createSimulator({
  state = defaultSimulatorState(),
  now = Date.now,
}: SimulatorOptions = {}): Simulator {
  let faults: (Fault & { times: number })[] = [];
  const buckets = new Map<string, { tokens: number; at: number }>();
  let nextRecordId = 100_000;

  function spend(key: string): Answer | undefined {
    if (!state.budget) return undefined;
    const { capacity, perSecond } = state.budget;
    const bucket = buckets.get(key) ?? { tokens: capacity, at: now() };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now() - bucket.at) / 1000) * perSecond);
    bucket.at = now();
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    return json(429, errorBody(429), { 'retry-after': String(seconds) });
  }

  function authorize(apiKey: string | undefined, write: boolean): Answer | undefined {
    if (!state.apiKeys) return undefined;
    const key = apiKey === undefined ? undefined : state.apiKeys[apiKey];
    if (!key) return json(401, errorBody(401, apiKey === undefined ? undefined : 100315));
    if (write && !key.write) return json(403, errorBody(403));
    return undefined;
  }

  const formOf = (tplId: unknown): SimulatedForm | undefined =>
    state.forms.find((form) => String(form.tpl_id) === String(tplId));

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

  function addRecord(body: Fields, user: string): Answer {
    if (!isNumeric(body.code_id) || !isNumeric(body.tpl_id) || !Array.isArray(body.fields)) {
      return business(100301, 'code_id, tpl_id and fields are required');
    }
    const form = formOf(body.tpl_id);
    if (!form) return business(100304);
    const code = state.qrcodes.find((qrcode) => String(qrcode.code_id) === String(body.code_id));
    if (!code?.tpl_ids.includes(form.tpl_id)) return business(100306);
    if (code.state !== 'active') return business(100314, `code state: ${code.state}`);
    if (form.window && (now() < form.window.start || now() > form.window.end)) return business(100313);
    const records = state.records.filter((record) => record.tpl_id === form.tpl_id);
    if (form.formLimit !== undefined && records.length >= form.formLimit) return business(100312);
    if (
      form.userLimit !== undefined &&
      records.filter((record) => record.user === user).length >= form.userLimit
    ) {
      return business(100311);
    }
    const values = new Map(
      (body.fields as Fields[]).map((field) => [String(field.field_id), field.field_value]),
    );
    const missing = form.fields.filter(
      (field) => field.required && textOf(values.get(String(field.field_id))).trim() === '',
    );
    if (missing.length > 0)
      return business(100308, `required: ${missing.map((field) => field.field_id).join(', ')}`);
    const invalid = form.fields.filter((field) => {
      const value = textOf(values.get(String(field.field_id)));
      return field.pattern && value !== '' && !field.pattern.test(value);
    });
    if (invalid.length > 0)
      return business(100309, `invalid: ${invalid.map((field) => field.field_id).join(', ')}`);
    const duplicate = form.fields.find((field) => {
      const value = textOf(values.get(String(field.field_id)));
      return (
        field.unique &&
        records.some(
          (record) => textOf(record.fields.find((f) => f.field_id === field.field_id)?.field_value) === value,
        )
      );
    });
    if (duplicate) return business(100307, `duplicate: ${duplicate.field_id}`);
    nextRecordId += 1;
    const record = {
      record_id: nextRecordId,
      tpl_id: form.tpl_id,
      code_id: code.code_id,
      user,
      submit_at: Math.floor(now() / 1000),
      fields: body.fields as SimulatedRecordFields,
    };
    state.records.push(record);
    return ok({ record_id: record.record_id });
  }

  function verifyCertificate(body: Fields, user: string): Answer {
    const code = typeof body.certificate_code === 'string' ? body.certificate_code.trim() : '';
    if (!code || !body.action_type) return business(100301, 'certificate_code and action_type are required');
    const certificate = state.certificates.find(({ certificate_code }) => certificate_code === code);
    if (!certificate) return business(100320);
    if (!certificate.verifiable) return business(100321);
    if (
      (body.tpl_id !== undefined && String(body.tpl_id) !== String(certificate.tpl_id)) ||
      (body.code_id !== undefined && String(body.code_id) !== String(certificate.code_id))
    ) {
      return business(100323);
    }
    const verifier = state.verifiers[user];
    if (!verifier?.canVerify) return business(100328);
    if (!verifier.identityComplete) return business(100329);
    if (certificate.needsAuthCode) {
      const expiresAt = typeof body.auth_code === 'string' ? state.authCodes[body.auth_code] : undefined;
      if (expiresAt === undefined || expiresAt < now()) return business(100327);
    }
    if (!certificate.approved) return business(100322);
    const index = certificate.statuses.indexOf(certificate.status);
    let target: string | undefined;
    if (body.action_type === 'set_next_certificate_status') {
      target = certificate.statuses[index + 1];
      // A form with a single status has no next one to move to (100326); at the end of several,
      // the verification is finished (100324).
      if (target === undefined && certificate.statuses.length < 2) return business(100326);
      if (target === undefined) return business(100324, `status: ${certificate.status}`);
    } else if (body.action_type === 'set_certificate_status') {
      if (body.from_certificate_status !== undefined && body.from_certificate_status !== certificate.status) {
        return business(100324, `status: ${certificate.status}`);
      }
      target = typeof body.to_certificate_status === 'string' ? body.to_certificate_status : undefined;
      if (!target || !certificate.statuses.includes(target) || target === certificate.status)
        return business(100326);
    } else {
      return business(100325);
    }
    certificate.status = target;
    return ok({
      recordId: certificate.record_id,
      certificateStatus: target,
      verifiedAt: Math.floor(now() / 1000),
    });
  }

  function read(endpoint: EndpointName, body: Fields): Answer {
    switch (endpoint) {
      case 'getFormList':
        return ok({
          version: 'v2',
          list: state.forms.map((form) => ({ id: form.tpl_id, name: form.name })),
          page: { current_page: 1, last_page: 1 },
        });
      case 'getTemplate': {
        if (!isNumeric(body.tpl_id)) return business(100301, 'tpl_id is required');
        const form = formOf(body.tpl_id);
        return form ? ok(template(form)) : business(100304);
      }
      case 'getRecord': {
        if (body.format !== undefined && !['json', 'json-ld', 'markdown'].includes(String(body.format)))
          return business(100305);
        const record = state.records.find((r) => String(r.record_id) === String(body.record_id));
        return record
          ? ok({
              format: body.format ?? 'json',
              version: 'v2',
              content_type: 'application/json',
              data: record,
            })
          : business(100303);
      }
      case 'getRecords': {
        const pageSize = Math.min(Number(body.page_size) || 10, 50);
        const start = Number(body.page_token) || 0;
        const list = state.records.slice(start, start + pageSize);
        const next = start + pageSize < state.records.length ? String(start + pageSize) : undefined;
        return ok({ list, page_token: next, total: state.records.length });
      }
      case 'getQrcodeContent':
      case 'getQrcodeOperation': {
        const code = state.qrcodes.find(
          ({ coding }) => coding === body.qrcode || String(body.qrcode).endsWith(`/${coding}`),
        );
        if (!code) return json(404, errorBody(404));
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
      default:
        return json(404, errorBody(404));
    }
  }

  return {
    state,
    inject(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    handle(endpoint, body, { apiKey, user = 'anonymous' } = {}) {
      const fault = faults.find(
        (candidate) => candidate.endpoint === undefined || candidate.endpoint === endpoint,
      );
      if (fault) {
        fault.times -= 1;
        if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
        return answerFault(fault);
      }
      const write = endpoint === 'addRecord' || endpoint === 'verifyCertificate';
      const refused = authorize(apiKey, write) ?? spend(apiKey ?? 'anonymous');
      if (refused) return refused;
      const fields: Fields = typeof body === 'object' && body !== null ? (body as Fields) : {};
      if (endpoint === 'addRecord') return addRecord(fields, user);
      if (endpoint === 'verifyCertificate') return verifyCertificate(fields, user);
      return read(endpoint, fields);
    },
  };
}

type SimulatedRecordFields = SimulatorState['records'][number]['fields'];

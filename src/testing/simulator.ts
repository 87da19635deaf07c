import { type EndpointName, isWriteEndpoint } from '../client/index.js';
import { answerFault, checkFault, type Fault, type SimulatedAnswer } from './fault.js';
import { fieldsProblem, MAX_VALUE_CHARS, textOf } from './field-values.js';
import { isId, paramsOf, type RequestParams } from './request-params.js';
import { businessAnswer, errorBody, type HttpAnswer, jsonAnswer, okAnswer } from './responses.js';
import { answerRead } from './simulator-reads.js';
import {
  defaultSimulatorState,
  formOf,
  type SimulatedRecord,
  type SimulatorState,
} from './simulator-state.js';

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
  /** Forces a failure on the next calls; see `Fault`. Throws for a fault it cannot apply. */
  inject(fault: Fault): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  /** Answers one call as the OpenAPI V2 would. */
  handle(endpoint: EndpointName, body: unknown, context?: RequestContext): SimulatedAnswer;
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

  function spend(key: string): HttpAnswer | undefined {
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
    return jsonAnswer(429, errorBody(429), { 'retry-after': String(seconds) });
  }

  function authorize(apiKey: string | undefined, write: boolean): HttpAnswer | undefined {
    if (!state.apiKeys) return undefined;
    const key = apiKey === undefined ? undefined : state.apiKeys[apiKey];
    if (!key) return jsonAnswer(401, errorBody(401, apiKey === undefined ? undefined : 100315));
    if (write && !key.write) return jsonAnswer(403, errorBody(403));
    return undefined;
  }

  function addRecord(body: RequestParams, user: string): HttpAnswer {
    if (!isId(body.code_id) || !isId(body.tpl_id) || !Array.isArray(body.fields)) {
      return businessAnswer(100301, 'code_id, tpl_id and fields are required');
    }
    const form = formOf(state, body.tpl_id);
    if (!form) return businessAnswer(100304);
    const code = state.qrcodes.find((qrcode) => String(qrcode.code_id) === String(body.code_id));
    if (!code?.tpl_ids.includes(form.tpl_id)) return businessAnswer(100306);
    const problem = fieldsProblem(body.fields, form.fields);
    if (problem) return businessAnswer(100301, problem);
    if (code.state !== 'active') return businessAnswer(100314, `code state: ${code.state}`);
    if (form.window && (now() < form.window.start || now() > form.window.end)) return businessAnswer(100313);
    const records = state.records.filter((record) => record.tpl_id === form.tpl_id);
    if (form.formLimit !== undefined && records.length >= form.formLimit) return businessAnswer(100312);
    if (
      form.userLimit !== undefined &&
      records.filter((record) => record.user === user).length >= form.userLimit
    ) {
      return businessAnswer(100311);
    }
    const submitted = body.fields as SimulatedRecord['fields'];
    const values = new Map(submitted.map((field) => [String(field.field_id), field.field_value]));
    const missing = form.fields.filter(
      (field) => field.required && textOf(values.get(String(field.field_id))).trim() === '',
    );
    if (missing.length > 0)
      return businessAnswer(100308, `required: ${missing.map((field) => field.field_id).join(', ')}`);
    const invalid = form.fields.filter((field) => {
      const value = textOf(values.get(String(field.field_id)));
      return value.length > MAX_VALUE_CHARS || (field.pattern && value !== '' && !field.pattern.test(value));
    });
    if (invalid.length > 0)
      return businessAnswer(100309, `invalid: ${invalid.map((field) => field.field_id).join(', ')}`);
    const duplicate = form.fields.find((field) => {
      const value = textOf(values.get(String(field.field_id)));
      return (
        field.unique &&
        records.some(
          (record) => textOf(record.fields.find((f) => f.field_id === field.field_id)?.field_value) === value,
        )
      );
    });
    if (duplicate) return businessAnswer(100307, `duplicate: ${duplicate.field_id}`);
    nextRecordId += 1;
    const record = {
      record_id: nextRecordId,
      tpl_id: form.tpl_id,
      code_id: code.code_id,
      user,
      submit_at: Math.floor(now() / 1000),
      fields: submitted,
    };
    state.records.push(record);
    return okAnswer({ record_id: record.record_id });
  }

  function verifyCertificate(body: RequestParams, user: string): HttpAnswer {
    const code = typeof body.certificate_code === 'string' ? body.certificate_code.trim() : '';
    if (!code || !body.action_type)
      return businessAnswer(100301, 'certificate_code and action_type are required');
    const certificate = state.certificates.find(({ certificate_code }) => certificate_code === code);
    if (!certificate) return businessAnswer(100320);
    if (!certificate.verifiable) return businessAnswer(100321);
    if (
      (body.tpl_id !== undefined && String(body.tpl_id) !== String(certificate.tpl_id)) ||
      (body.code_id !== undefined && String(body.code_id) !== String(certificate.code_id))
    ) {
      return businessAnswer(100323);
    }
    const verifier = state.verifiers[user];
    if (!verifier?.canVerify) return businessAnswer(100328);
    if (!verifier.identityComplete) return businessAnswer(100329);
    if (certificate.needsAuthCode) {
      const expiresAt = typeof body.auth_code === 'string' ? state.authCodes[body.auth_code] : undefined;
      if (expiresAt === undefined || expiresAt < now()) return businessAnswer(100327);
    }
    if (!certificate.approved) return businessAnswer(100322);
    const index = certificate.statuses.indexOf(certificate.status);
    let target: string | undefined;
    if (body.action_type === 'set_next_certificate_status') {
      target = certificate.statuses[index + 1];
      // A form with a single status has no next one to move to (100326); at the end of several,
      // the verification is finished (100324).
      if (target === undefined && certificate.statuses.length < 2) return businessAnswer(100326);
      if (target === undefined) return businessAnswer(100324, `status: ${certificate.status}`);
    } else if (body.action_type === 'set_certificate_status') {
      if (body.from_certificate_status !== undefined && body.from_certificate_status !== certificate.status) {
        return businessAnswer(100324, `status: ${certificate.status}`);
      }
      target = typeof body.to_certificate_status === 'string' ? body.to_certificate_status : undefined;
      if (!target || !certificate.statuses.includes(target) || target === certificate.status)
        return businessAnswer(100326);
    } else {
      return businessAnswer(100325);
    }
    certificate.status = target;
    return okAnswer({
      recordId: certificate.record_id,
      certificateStatus: target,
      verifiedAt: Math.floor(now() / 1000),
    });
  }

  function answer(endpoint: EndpointName, body: unknown, { apiKey, user = 'anonymous' }: RequestContext) {
    const refused = authorize(apiKey, isWriteEndpoint(endpoint)) ?? spend(apiKey ?? 'anonymous');
    if (refused) return refused;
    const params = paramsOf(body);
    if (endpoint === 'addRecord') return addRecord(params, user);
    if (endpoint === 'verifyCertificate') return verifyCertificate(params, user);
    return answerRead(state, endpoint, params);
  }

  return {
    state,
    inject(fault) {
      checkFault(fault);
      faults.push({ ...fault, times: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    handle(endpoint, body, context = {}) {
      const fault = faults.find(
        (candidate) => candidate.endpoint === undefined || candidate.endpoint === endpoint,
      );
      if (fault) {
        fault.times -= 1;
        if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
        if (fault.stored) answer(endpoint, body, context);
        return answerFault(fault);
      }
      return answer(endpoint, body, context);
    },
  };
}

/** A field of a simulated form, with the rules the simulator enforces on submission. */
export interface SimulatedField {
  field_id: number;
  field_title: string;
  field_type: string;
  required?: boolean;
  /** A second record with the same value is refused with 100307. */
  unique?: boolean;
  /** A value that does not match (as text) is refused with 100309. */
  pattern?: RegExp;
}

export interface SimulatedForm {
  tpl_id: number;
  name: string;
  fields: SimulatedField[];
  /** Submissions per user (100311). */
  userLimit?: number;
  /** Submissions in all (100312). */
  formLimit?: number;
  /** When submissions are accepted, in Unix milliseconds (100313 outside). */
  window?: { start: number; end: number };
}

export interface SimulatedQrcode {
  code_id: number;
  coding: string;
  title: string;
  /** The forms this code may submit to (100306 for others). */
  tpl_ids: number[];
  /** A paused or disabled code accepts no submission (100314). */
  state: 'active' | 'paused' | 'disabled';
}

export interface SimulatedCertificate {
  /** What its QR code holds, usually a URL. */
  certificate_code: string;
  tpl_id: number;
  code_id: number;
  record_id: number;
  /** The form's ordered status labels, e.g. ['待核销', '已核销']. */
  statuses: string[];
  status: string;
  /** With approval enabled, only approved records can be verified (100322). */
  approved: boolean;
  /** Verification is enabled for its form (100321). */
  verifiable: boolean;
  /** Verifying needs a valid authorization code (100327). */
  needsAuthCode?: boolean;
}

export interface SimulatedVerifier {
  /** May verify (100328 otherwise). */
  canVerify: boolean;
  /** Has completed their identity profile (100329 otherwise). */
  identityComplete: boolean;
}

export interface SimulatedRecord {
  record_id: number;
  tpl_id: number;
  code_id: number;
  user: string;
  submit_at: number;
  /** Its URL, which `getRecord({ record_url })` finds it by (default `https://qr.cli.im/r/<record_id>`). */
  record_url?: string;
  fields: { field_id: number; field_type: string; field_value: unknown }[];
}

/** Everything the simulator knows; a test or story seeds any part of it. */
export interface SimulatorState {
  forms: SimulatedForm[];
  qrcodes: SimulatedQrcode[];
  records: SimulatedRecord[];
  certificates: SimulatedCertificate[];
  /** Verifiers by user id (the `X-User-Id` header; `anonymous` without it). */
  verifiers: Record<string, SimulatedVerifier>;
  /** Verification authorization codes and when they expire (Unix milliseconds). */
  authCodes: Record<string, number>;
  /**
   * Keys the API accepts, and whether each may write; none means any key (or none) is accepted,
   * as behind a proxy.
   */
  apiKeys?: Record<string, { write: boolean }>;
  /** Requests per API key: a token bucket answering 429 with `Retry-After` when empty. */
  budget?: { capacity: number; perSecond: number };
}

/**
 * The form with this `tpl_id`, given as a number or as its text, if the state has one.
 * @example formOf(state, '7001')?.name // '活动报名表'
 */
export const formOf = (state: SimulatorState, tplId: unknown): SimulatedForm | undefined =>
  state.forms.find((form) => String(form.tpl_id) === String(tplId));

const DAY = 24 * 60 * 60 * 1000;

/** A small, realistic world: one sign-up form with its code, and two certificates. */
export function defaultSimulatorState(now: number = Date.now()): SimulatorState {
  return {
    forms: [
      {
        tpl_id: 7001,
        name: '活动报名表',
        fields: [
          { field_id: 71234567890101, field_title: '姓名', field_type: 'name', required: true },
          {
            field_id: 71234567890102,
            field_title: '手机号',
            field_type: 'tel',
            required: true,
            unique: true,
            pattern: /^1\d{10}$/,
          },
          { field_id: 71234567890103, field_title: '备注', field_type: 'textarea' },
        ],
        userLimit: 3,
        formLimit: 100,
        window: { start: now - DAY, end: now + 30 * DAY },
      },
    ],
    qrcodes: [{ code_id: 8001, coding: 'q8001', title: '报名入口', tpl_ids: [7001], state: 'active' }],
    records: [],
    certificates: [
      {
        certificate_code: 'https://qr.cli.im/c/CERT-1',
        tpl_id: 7001,
        code_id: 8001,
        record_id: 9001,
        statuses: ['待核销', '已核销'],
        status: '待核销',
        approved: true,
        verifiable: true,
      },
      {
        certificate_code: 'https://qr.cli.im/c/CERT-2',
        tpl_id: 7001,
        code_id: 8001,
        record_id: 9002,
        statuses: ['待核销', '已核销'],
        status: '待核销',
        approved: false,
        verifiable: true,
      },
    ],
    verifiers: { anonymous: { canVerify: true, identityComplete: true } },
    authCodes: {},
  };
}

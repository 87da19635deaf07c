/**
 * Request and answer types of the OpenAPI V2 endpoints, as `openapi-v2.md` documents them.
 * Field names are the wire names. Where the docs are silent the types are open (`[field: string]: unknown`).
 */

export interface FormListRequest {
  /** Page number, from 1. */
  page?: number;
  /** 10 by default, 20 at most. */
  page_size?: number;
  search_key?: string;
  number?: string;
}

/** Times are Unix seconds, with `*_iso` texts such as `2025-02-27 10:38:01(UTC+08:00)`. */
export interface FormSummary {
  /** The form id, which other endpoints call `tpl_id`. */
  id: number;
  name: string;
  type: number | string;
  type_text: string;
  number: string;
  note: string;
  project: { id: number; name: string };
  created_at: number;
  created_at_iso: string;
  updated_at: number;
  updated_at_iso: string;
  active_at: number;
  active_at_iso: string;
}

export interface FormListResult {
  version: string;
  list: FormSummary[];
  page: { current_page: number; last_page: number; [field: string]: unknown };
}

export interface TemplateRequest {
  tpl_id: number | string;
}

export interface FieldSettings {
  is_required: boolean | number;
  is_hidden: boolean | number;
  is_result: boolean | number;
  is_masked: boolean | number;
  is_unique: boolean | number;
  is_highlight: boolean | number;
}

/** `name`, `tel`, `text`, `textarea`, `number`, `date`, `radio`, `checkbox`, `image` … */
export type FieldType = string;

export interface TemplateField {
  field_id: number;
  field_title: string;
  field_desc: string;
  field_type: FieldType;
  field_short_name: string;
  group_id: number;
  settings: FieldSettings;
}

export interface TemplateGroup {
  group_id: number;
  group_title: string;
  show_group_title: boolean | number;
  is_page_break_group: boolean | number;
  fields: TemplateField[];
}

export interface TemplateResult {
  version: string;
  data: {
    form: {
      id: number;
      name: string;
      type: number | string;
      type_text: string;
      number: string;
      description: string;
      submit_button_title: string;
      [field: string]: unknown;
    };
    org: { id: number };
    project: { id: number };
    groups: TemplateGroup[];
    audit_config: { enabled: boolean | number; stages: { id: number; title: string; level: number }[] };
  };
}

/** A field value: `"张三"`, `{ option_id }`, `{ value: 30.6 }`, `{ values: [{ option_id }] }` … */
export type FieldValue = unknown;

export interface AddRecordRequest {
  code_id: number | string;
  tpl_id: number | string;
  fields: { field_id: number; field_type: FieldType; field_value: FieldValue }[];
}

/** Not documented; inferred. */
export interface AddRecordResult {
  record_id?: number | string;
  [field: string]: unknown;
}

export type RecordFormat = 'json' | 'json-ld' | 'markdown';

export type RecordRequest = ({ record_id: number | string } | { record_url: string }) & {
  format?: RecordFormat;
};

export interface RecordData {
  record_id: number | string;
  record_number?: string;
  record_code?: string;
  record_url?: string;
  submit_at?: number;
  submit_at_iso?: string;
  submit_method?: string;
  [field: string]: unknown;
}

export interface RecordResult {
  format: RecordFormat;
  version: string;
  content_type: string;
  /** An object for `json` and `json-ld`, a string for `markdown`. */
  data: RecordData | string;
}

export interface RecordsRequest {
  format?: RecordFormat;
  search_key?: string;
  filters?: { record_template?: { id: number | string }; qrcode?: { id: number | string } };
  /** 0 all, 3 state changes, 7 sub-code edits. */
  record_type?: 0 | 3 | 7;
  start_time?: number;
  end_time?: number;
  /** 10 by default, 50 at most. */
  page_size?: number;
  /** The cursor of the previous page's answer. */
  page_token?: string;
  last_record_id?: number | string;
  order_by?: 'submit_at,desc' | 'submit_at,asc';
  get_total_count?: 0 | 1;
}

export interface RecordsResult {
  list: RecordData[];
  /** The cursor of the next page; absent or empty on the last page. */
  page_token?: string;
  total?: number;
  [field: string]: unknown;
}

export interface QrcodeRequest {
  /** The code's coding or its full URL. */
  qrcode: string;
}

export interface QrcodeContentRequest extends QrcodeRequest {
  format?: 'json' | 'markdown';
}

export interface QrcodeContentResult {
  meta: { id: number; title: string; url: string; coding: string };
  fields: { field_id: number; type: string; title: string; value: unknown }[];
}

export interface QrcodeOperation {
  operation_name: string;
  operation_description: string;
  /** 1 update state, 2 fill form. */
  element_type: 1 | 2;
  element_type_title: string;
  element_value: unknown;
}

export interface VerifyCertificateRequest {
  /** The certificate QR content, usually its URL. */
  certificate_code: string;
  action_type: 'set_certificate_status' | 'set_next_certificate_status';
  /** The status label to move to, e.g. `已核销`; required by `set_certificate_status`. */
  to_certificate_status?: string;
  from_certificate_status?: string;
  tpl_id?: number | string;
  code_id?: number | string;
  /** The verification authorization code (核销授权码). */
  auth_code?: string;
}

/** Inferred from V1 (`ownerRecordNumber`, `recordId`, `certificateStatus` …). */
export interface VerifyCertificateResult {
  [field: string]: unknown;
}

/** Every endpoint with its request and answer types. */
export interface Endpoints {
  getFormList: { request: FormListRequest; result: FormListResult };
  getTemplate: { request: TemplateRequest; result: TemplateResult };
  addRecord: { request: AddRecordRequest; result: AddRecordResult };
  getRecord: { request: RecordRequest; result: RecordResult };
  getRecords: { request: RecordsRequest; result: RecordsResult };
  getQrcodeContent: { request: QrcodeContentRequest; result: QrcodeContentResult };
  getQrcodeOperation: { request: QrcodeRequest; result: QrcodeOperation[] };
  verifyCertificate: { request: VerifyCertificateRequest; result: VerifyCertificateResult };
}

export type EndpointName = keyof Endpoints;

/**
 * The endpoints that write (a record stored, a certificate moved on): never resent blindly, and
 * the ones an `Idempotency-Key` protects.
 * @example if (isWriteEndpoint(name)) headers.set('Idempotency-Key', `"${key}"`);
 */
export const WRITE_ENDPOINTS = ['addRecord', 'verifyCertificate'] as const satisfies readonly EndpointName[];
export type WriteEndpoint = (typeof WRITE_ENDPOINTS)[number];
export const isWriteEndpoint = (name: string): name is WriteEndpoint =>
  (WRITE_ENDPOINTS as readonly string[]).includes(name);

/** Default paths, relative to the client's `baseUrl`. The certificate path is inferred. */
export const DEFAULT_PATHS: Readonly<Record<EndpointName, string>> = {
  getFormList: '/api/v2/rpc/record/getFormList',
  getTemplate: '/api/v2/rpc/forms/getTemplate',
  addRecord: '/api/v2/rpc/record/addRecord',
  getRecord: '/api/v2/rpc/record/getRecord',
  getRecords: '/api/v2/rpc/record/getRecords',
  getQrcodeContent: '/api/v2/rpc/qrcodes/getContent',
  getQrcodeOperation: '/api/v2/rpc/qrcodes/getOperation',
  verifyCertificate: '/api/v2/rpc/certificate/verify',
};

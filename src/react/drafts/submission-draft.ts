import { IDEMPOTENCY_KEY_PATTERN } from '../../client/idempotency-key.js';
import type { AddRecordRequest } from '../../client/index.js';

/**
 * A submission that has not succeeded, as kept across a reload.
 * @example if (draft?.complete) submit.mutate(resume());
 */
export interface SubmissionDraft {
  /** The values, without the fields a draft never keeps (uploads, signatures, masked, sensitive). */
  request: AddRecordRequest;
  /**
   * The `Idempotency-Key` its attempts carried; absent when the client sends no keys, or when
   * fields were left out (the resent payload will differ, so it is a new submission).
   */
  idempotencyKey?: string;
  /** When it was saved, in milliseconds since the epoch (for "saved 3 minutes ago"). */
  savedAt: number;
  /** Whether every submitted field is in it: only then can `request` be resent as it is. */
  complete: boolean;
  /**
   * No answer came to its last attempt — the page went away while it was on its way, the
   * connection failed or none came in time (a timeout) — or the proxy said an earlier attempt with
   * its key is still in flight (409). `useSendWhenOnline` sends such a draft again by itself, with
   * its key.
   */
  unanswered: boolean;
}

const FORMAT = 'caoliao-api-errors/submission-draft';
const VERSION = 1;
/**
 * A draft older than this is dropped: a proxy keeps a key's outcome for 24 h by default, so a key
 * resumed later could no longer keep a stored submission from being stored again.
 */
export const DRAFT_MAX_AGE_MS = 20 * 60 * 60 * 1000;

/** @internal The stored text of a draft. */
export function encodeDraft(draft: SubmissionDraft): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...draft });
}

const isId = (value: unknown) => typeof value === 'number' || typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isRequest(value: unknown): value is AddRecordRequest {
  return (
    isRecord(value) &&
    isId(value.code_id) &&
    isId(value.tpl_id) &&
    Array.isArray(value.fields) &&
    value.fields.every(
      (field) =>
        isRecord(field) && typeof field.field_id === 'number' && typeof field.field_type === 'string',
    )
  );
}

/**
 * @internal The draft in a stored text, or `undefined` for anything that is not a draft of this
 * format and version (corrupt JSON, another library's entry, an older shape), or older than
 * `DRAFT_MAX_AGE_MS`.
 */
export function decodeDraft(text: string): SubmissionDraft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.format !== FORMAT || value.version !== VERSION) return undefined;
  const { request, idempotencyKey, savedAt, complete, unanswered = false } = value;
  if (!isRequest(request) || typeof complete !== 'boolean' || typeof unanswered !== 'boolean') {
    return undefined;
  }
  if (typeof savedAt !== 'number' || !(Date.now() - savedAt <= DRAFT_MAX_AGE_MS)) return undefined;
  if (
    idempotencyKey !== undefined &&
    !(typeof idempotencyKey === 'string' && IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey))
  )
    return undefined;
  return {
    request,
    savedAt,
    complete,
    unanswered,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  } as SubmissionDraft;
}

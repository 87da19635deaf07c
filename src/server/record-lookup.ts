/**
 * @internal The parts of an `addRecord` body a lookup needs, read from the body as received;
 * `undefined` when it lacks them (the API refuses such a body; nothing can be looked up).
 */
export interface Submission {
  tplId: number;
  codeId: number;
  /** Each submitted value as canonical JSON, by `field_id`: made once, when the body arrives. */
  values: Map<string, string>;
}

/** What a lookup found: our record, nothing (`none`, or `several` equal ones), or no answer. */
export type LookupResult = { recordId: unknown } | { notFound: 'none' | 'several' } | { failed: true };

/** Reads one page of `record/getRecords`: its `data`, or `undefined` when the call failed. */
export type ReadRecords = (params: Record<string, unknown>) => Promise<unknown>;

const PAGE_SIZE = 50;

const idOf = (value: unknown): number | undefined => {
  const id = typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @internal The submission in an `addRecord` body (JSON text), if it names a form, a code and
 * a list of fields. Throws (a `RangeError`) on values nested too deeply to compare.
 * @example submissionOf('{"tpl_id":7001,"code_id":8001,"fields":[]}'); // { tplId: 7001, codeId: 8001, values: Map(0) }
 */
export function submissionOf(body: string): Submission | undefined {
  const value: unknown = JSON.parse(body);
  if (!isObject(value) || !Array.isArray(value.fields)) return undefined;
  const tplId = idOf(value.tpl_id);
  const codeId = idOf(value.code_id);
  if (tplId === undefined || codeId === undefined) return undefined;
  return { tplId, codeId, values: valuesOf(value.fields) };
}

/**
 * @internal `body` with `key` as the value of the marker field (replacing what the browser sent
 * there), so that the record can be found by it.
 * @example withMarker('{"tpl_id":7001,"code_id":8001,"fields":[]}', 7104, 'k1');
 */
export function withMarker(body: string, fieldId: number, key: string): string {
  const value = JSON.parse(body) as Record<string, unknown>;
  const fields = (value.fields as unknown[]).filter(
    (field) => !(isObject(field) && String(field.field_id) === String(fieldId)),
  );
  const sent = (value.fields as unknown[]).find(
    (field) => isObject(field) && String(field.field_id) === String(fieldId),
  ) as Record<string, unknown> | undefined;
  fields.push({ field_id: fieldId, field_type: sent?.field_type ?? 'text', field_value: key });
  return JSON.stringify({ ...value, fields });
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Each field's value as canonical JSON, by `field_id`. */
function valuesOf(fields: unknown): Map<string, string> {
  const objects = Array.isArray(fields) ? fields.filter(isObject) : [];
  return new Map(objects.map((field) => [String(field.field_id), canonical(field.field_value)]));
}

/** Whether `record` is ours: its marker field holds the key, or (without a marker) every value matches. */
function matches(
  record: Record<string, unknown>,
  submission: Submission,
  marker: { fieldId: number; key: string } | undefined,
): boolean {
  const values = valuesOf(record.fields);
  if (marker) return values.get(String(marker.fieldId)) === canonical(marker.key);
  return [...submission.values].every(([fieldId, value]) => values.get(fieldId) === value);
}

/**
 * @internal Looks for the record a submission would have stored, through `record/getRecords`:
 * this form, this code, submitted between `from` and `to` (Unix seconds), newest first, at most
 * `pages` pages. With a marker, the record whose marker field holds the key; without one, the
 * only record whose values all equal the submitted ones. Anything it cannot be sure of is not a
 * match: a failed page, or more pages than it may read, is `failed`.
 *
 * @example
 * const result = await findRecord({ submission, marker: undefined, from, to, pages: 4, readRecords });
 */
export async function findRecord({
  submission,
  marker,
  from,
  to,
  pages,
  readRecords,
}: {
  submission: Submission;
  marker: { fieldId: number; key: string } | undefined;
  from: number;
  to: number;
  pages: number;
  readRecords: ReadRecords;
}): Promise<LookupResult> {
  const found: unknown[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < pages; page += 1) {
    const data = await readRecords({
      filters: { record_template: { id: submission.tplId }, qrcode: { id: submission.codeId } },
      start_time: from,
      end_time: to,
      order_by: 'submit_at,desc',
      page_size: PAGE_SIZE,
      ...(pageToken !== undefined && { page_token: pageToken }),
    });
    if (!isObject(data) || !Array.isArray(data.list)) return { failed: true };
    for (const record of data.list) {
      if (isObject(record) && matches(record, submission, marker)) found.push(record.record_id);
    }
    if (marker && found.length > 0) return { recordId: found[0] };
    const next = data.page_token;
    if (typeof next !== 'string' || next === '' || data.list.length === 0) {
      if (found.length === 1) return { recordId: found[0] };
      return { notFound: found.length === 0 ? 'none' : 'several' };
    }
    pageToken = next;
  }
  // More records in the window than it may read: the only candidate might not be the only one.
  return { failed: true };
}

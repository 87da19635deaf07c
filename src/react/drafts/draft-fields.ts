import type { AddRecordRequest, TemplateResult } from '../../client/index.js';

/** One submitted field, as `addRecord` takes it. */
export type DraftField = AddRecordRequest['fields'][number];

/**
 * Fields the host keeps out of drafts besides those never kept: their `field_id`s, or a test.
 * @example useSubmissionDraft({ id, sensitive: (field) => field.field_type === 'identity' })
 */
export type SensitiveFields = readonly number[] | ((field: DraftField) => boolean);

/** Field types whose values are uploads or drawings (openapi-v2.md): never kept in a draft. */
const NEVER_KEPT_TYPES: ReadonlySet<string> = new Set(['file', 'image', 'video', 'audio', 'signature']);

/** The `field_id`s the form's template marks `is_masked`. */
function maskedIds(template: TemplateResult | undefined): Set<number> {
  const ids = new Set<number>();
  const groups = template?.data?.groups;
  if (!Array.isArray(groups)) return ids;
  for (const group of groups) {
    for (const field of Array.isArray(group?.fields) ? group.fields : []) {
      if (field?.settings?.is_masked) ids.add(field.field_id);
    }
  }
  return ids;
}

/**
 * @internal The fields of `request` a draft may keep: not uploads or signatures, not masked by
 * the template, not marked sensitive by the host. `complete` says whether none was left out.
 * @example keptFields(request, { template }).complete // false when an image was left out
 */
export function keptFields(
  request: AddRecordRequest,
  { template, sensitive = [] }: { template?: TemplateResult; sensitive?: SensitiveFields },
): { fields: DraftField[]; complete: boolean } {
  const masked = maskedIds(template);
  const isSensitive =
    typeof sensitive === 'function' ? sensitive : (field: DraftField) => sensitive.includes(field.field_id);
  const fields = request.fields.filter(
    (field) =>
      !NEVER_KEPT_TYPES.has(String(field.field_type).toLowerCase()) &&
      !masked.has(field.field_id) &&
      !isSensitive(field),
  );
  return { fields, complete: fields.length === request.fields.length };
}

import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { describeError, toApiError } from '../../core/index.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import type { ApiMutationState } from './error-source.js';

type FieldId = number | string;

/** A field of the form, as `forms/getTemplate` describes it (only these properties are read). */
export interface FormField {
  field_id: FieldId;
  field_title: string;
  settings?: { is_required?: boolean | number; is_unique?: boolean | number };
}

/** The values that were submitted: by field id, or the `fields` of an `addRecord` request. */
export type SubmittedValues =
  | Readonly<Record<string, unknown>>
  | readonly { field_id: FieldId; field_value: unknown }[];

export interface FieldErrorsOptions {
  /**
   * The form's fields, in form order: the messages name them, and a 100308 marks the required
   * fields that were submitted empty even when the server names none.
   * @example useFieldErrors(submit, { fields: template.data.groups.flatMap((group) => group.fields) })
   */
  fields?: readonly FormField[];
  /** Only the ids of the form's fields, when there is no template (no labels, no deduction). */
  fieldIds?: readonly FieldId[];
  /** What was submitted. Default: the mutation's `variables.fields`. */
  values?: SubmittedValues;
  /** Fields known to be invalid beforehand, e.g. required fields found empty before submitting. */
  invalidFieldIds?: readonly FieldId[];
  /** The DOM id of each field's input (default `cae-field-<field_id>`). */
  inputId?: (fieldId: FieldId) => string;
  /** Another element that describes every marked field, e.g. the id of an `<ApiErrorView>`. */
  errorId?: string;
}

/** Why a field is marked. */
export type FieldErrorReason = 'required' | 'invalid' | 'duplicate';

/** One marked field, with its message in the current language. */
export interface FieldErrorItem {
  fieldId: FieldId;
  reason: FieldErrorReason;
  /** "请填写姓名", "“13800138000” has already been used for Phone" … */
  message: string;
  /** The DOM id of the field's input: the summary links to it. */
  inputId: string;
  /** The DOM id of the field's own message (`ApiFieldError`), which the input points to. */
  messageId: string;
}

export interface FieldErrors {
  /** The error these marks are for. */
  error: unknown;
  /** The marked fields, in form order. */
  items: FieldErrorItem[];
  invalidFieldIds: FieldId[];
  /** Props for a field's input: its id, and `aria-invalid` and `aria-describedby` when it is marked. */
  fieldProps: (fieldId: FieldId) => { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The mark of one field, if it has one. */
  itemFor: (fieldId: FieldId) => FieldErrorItem | undefined;
  /** Moves focus to the first marked field; values are never touched. */
  focusFirst: () => void;
  /** Where `ApiErrorSummary` attaches itself: a new error focuses the summary, else the first field. */
  summaryRef: RefObject<HTMLElement | null>;
}

const NONE: readonly FieldId[] = [];
const defaultInputId = (fieldId: FieldId) => `cae-field-${fieldId}`;
const REASONS: Partial<Record<string, FieldErrorReason>> = {
  100307: 'duplicate',
  100308: 'required',
  100309: 'invalid',
};

// The API names no fields in a structured way; `message_detail` may quote field ids. Ids are
// 10+ digit numbers, so finding one as a whole number in the text is unambiguous (labels never
// are: the docs warn not to map fields by display text).
function fieldIdsNamedIn(text: string, fieldIds: readonly FieldId[]): FieldId[] {
  const numbers = new Set(text.match(/\d+/g));
  return fieldIds.filter((id) => numbers.has(String(id)));
}

const isMutation = (value: unknown): value is ApiMutationState =>
  typeof value === 'object' && value !== null && 'mutateAsync' in value && 'isPending' in value;

function valuesOf(values: SubmittedValues | undefined): Map<string, unknown> {
  if (!values) return new Map();
  if (Array.isArray(values))
    return new Map(values.map((field) => [String(field.field_id), field.field_value]));
  return new Map(Object.entries(values));
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** A value as the person typed it, to quote back; options and files are not quoted. */
function quotable(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (typeof value === 'object' && value !== null && 'value' in value) return quotable(value.value);
  return undefined;
}

/**
 * Marks the fields of a 100307 / 100308 / 100309 error, GOV.UK-style: each marked field gets its
 * own message (`ApiFieldError`), `aria-invalid` and `aria-describedby`; `ApiErrorSummary` lists
 * them as links. A new error focuses the summary (or the first field), once. Values are never
 * touched. Other errors mark nothing.
 *
 * @example
 * const submit = useAddRecord();
 * const fieldErrors = useFieldErrors(submit, { fields });
 * <ApiErrorSummary fieldErrors={fieldErrors} />
 * <ApiFieldError fieldErrors={fieldErrors} fieldId={field.field_id} />
 * <input className="cae-input" {...fieldErrors.fieldProps(field.field_id)} />
 */
export function useFieldErrors(errorOrMutation: unknown, options: FieldErrorsOptions = {}): FieldErrors {
  const t = useApiErrorsT();
  const { fields, invalidFieldIds: known = NONE, inputId = defaultInputId, errorId } = options;
  const mutation = isMutation(errorOrMutation) ? errorOrMutation : undefined;
  const error = mutation ? mutation.error : errorOrMutation;
  const submitted =
    options.values ?? (mutation?.variables as { fields?: SubmittedValues } | undefined)?.fields;
  const fieldIds = options.fieldIds ?? fields?.map((field) => field.field_id) ?? NONE;
  const reason = error == null ? undefined : REASONS[describeError(error).key];
  const summaryRef = useRef<HTMLElement | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fields and values are read for this error only.
  const items = useMemo((): FieldErrorItem[] => {
    if (!reason) return [];
    const { serverMessage = '', detail = '' } = toApiError(error);
    const named = new Set(fieldIdsNamedIn(`${serverMessage} ${detail}`, fieldIds).map(String));
    const values = valuesOf(submitted);
    const byId = new Map(fields?.map((field) => [String(field.field_id), field]));
    const settings = (id: FieldId) => byId.get(String(id))?.settings ?? {};
    // What the server did not name, the template and the submitted values still tell.
    const deduced = (id: FieldId) => {
      if (values.size === 0) return false;
      if (reason === 'required') return !!settings(id).is_required && isEmpty(values.get(String(id)));
      if (reason === 'duplicate' && named.size === 0) {
        const candidates = fieldIds.filter(
          (other) => settings(other).is_unique && !isEmpty(values.get(String(other))),
        );
        return candidates.length === 1 && candidates[0] === id;
      }
      return false;
    };
    return fieldIds
      .filter((id) => named.has(String(id)) || known.includes(id) || deduced(id))
      .map((id) => {
        const label = byId.get(String(id))?.field_title ?? String(id);
        const value = reason === 'duplicate' ? quotable(values.get(String(id))) : undefined;
        const messageKey = value === undefined ? reason : 'duplicateValue';
        return {
          fieldId: id,
          reason,
          message: t(`fields.${messageKey}`, { label, value }),
          inputId: inputId(id),
          messageId: `${inputId(id)}-error`,
        };
      });
  }, [error, reason, t, fieldIds.join(), known.join(), inputId]);

  const itemFor = useCallback(
    (fieldId: FieldId) => items.find((item) => String(item.fieldId) === String(fieldId)),
    [items],
  );

  const focusFirst = useCallback(() => {
    const first = items[0];
    if (first) document.getElementById(first.inputId)?.focus();
  }, [items]);

  // Once per error, not on every render: the person may already be typing in another field.
  const focusedFor = useRef<unknown>(undefined);
  useEffect(() => {
    if (items.length > 0 && focusedFor.current !== error) {
      focusedFor.current = error;
      if (summaryRef.current) summaryRef.current.focus();
      else focusFirst();
    }
  }, [error, items, focusFirst]);

  const fieldProps = useCallback(
    (fieldId: FieldId) => {
      const item = itemFor(fieldId);
      if (!item) return { id: inputId(fieldId) };
      const describedBy = [item.messageId, errorId].filter(Boolean).join(' ');
      return { id: item.inputId, 'aria-invalid': true as const, 'aria-describedby': describedBy };
    },
    [itemFor, inputId, errorId],
  );

  return {
    error,
    items,
    invalidFieldIds: items.map((item) => item.fieldId),
    fieldProps,
    itemFor,
    focusFirst,
    summaryRef,
  };
}

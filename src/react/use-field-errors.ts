import { useCallback, useEffect, useMemo, useRef } from 'react';
import { describeError, toApiError } from '../core/index.js';

type FieldId = number | string;

export interface FieldErrorsOptions {
  /** The ids of the form's fields (`field_id` of the template). */
  fieldIds: readonly FieldId[];
  /** Fields known to be invalid beforehand, e.g. required fields found empty before submitting. */
  invalidFieldIds?: readonly FieldId[];
  /** The DOM id of each field's input (default `cae-field-<field_id>`). */
  inputId?: (fieldId: FieldId) => string;
  /** The DOM id of the error message the fields point to; pass the same `id` to `<ApiErrorView>`. */
  errorId?: string;
}

export interface FieldErrors {
  /** The fields to mark, in form order. */
  invalidFieldIds: FieldId[];
  /** Props for a field's input: `aria-invalid` and `aria-describedby` when it is marked. */
  fieldProps: (fieldId: FieldId) => { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** Moves focus to the first marked field; values are never touched. */
  focusFirst: () => void;
}

const NONE: readonly FieldId[] = [];
const defaultInputId = (fieldId: FieldId) => `cae-field-${fieldId}`;

// The API names no fields in a structured way; `message_detail` may quote field ids. Ids are
// 10+ digit numbers, so finding one as a whole number in the text is unambiguous (labels never
// are: the docs warn not to map fields by display text).
function fieldIdsNamedIn(text: string, fieldIds: readonly FieldId[]): FieldId[] {
  const numbers = new Set(text.match(/\d+/g));
  return fieldIds.filter((id) => numbers.has(String(id)));
}

/**
 * Marks the fields of a 100307 / 100308 / 100309 error and focuses the first one. Other errors mark
 * nothing.
 *
 * @example
 * const fields = useFieldErrors(submit.error, { fieldIds, errorId: 'submit-error' });
 * <input {...fields.fieldProps(field.field_id)} defaultValue={value} />
 * <ApiErrorView id="submit-error" error={submit.error} write onFixFields={fields.focusFirst} />
 */
export function useFieldErrors(error: unknown, options: FieldErrorsOptions): FieldErrors {
  const { fieldIds, invalidFieldIds: known = NONE, inputId = defaultInputId, errorId } = options;
  const isFieldError = error !== null && error !== undefined && describeError(error).scope === 'field';
  const named = useMemo(() => {
    if (!isFieldError) return [];
    const { serverMessage = '', detail = '' } = toApiError(error);
    return fieldIdsNamedIn(`${serverMessage} ${detail}`, fieldIds);
  }, [error, isFieldError, fieldIds]);
  const invalid = useMemo(
    () => (isFieldError ? fieldIds.filter((id) => named.includes(id) || known.includes(id)) : []),
    [isFieldError, fieldIds, named, known],
  );

  const focusFirst = useCallback(() => {
    const first = invalid[0];
    if (first !== undefined) document.getElementById(inputId(first))?.focus();
  }, [invalid, inputId]);

  // Once per error, not on every render: the person may already be typing in another field.
  const focusedFor = useRef<unknown>(undefined);
  useEffect(() => {
    if (isFieldError && focusedFor.current !== error) {
      focusedFor.current = error;
      focusFirst();
    }
  }, [error, isFieldError, focusFirst]);

  const fieldProps = useCallback(
    (fieldId: FieldId) =>
      invalid.includes(fieldId)
        ? { id: inputId(fieldId), 'aria-invalid': true as const, 'aria-describedby': errorId }
        : { id: inputId(fieldId) },
    [invalid, inputId, errorId],
  );

  return { invalidFieldIds: invalid, fieldProps, focusFirst };
}

import { useEffect } from 'react';
import type { FieldErrorItem, FieldErrors } from '../views/use-field-errors.js';

/** A field's id in the form's template (`field_id`). */
export type FieldId = FieldErrorItem['fieldId'];

/** One field's message, as a form library holds it: by the library's own name for the field. */
interface Mark<Name> {
  name: Name;
  message: string;
}

/**
 * How a bridge writes into one form library: `mark` shows a message on a field, `unmark` takes it
 * back only while the field still shows that message (an error the host's own validation set since
 * is left alone).
 * @example
 * const rhf: LibraryMarking<UseFormLike, string> = {
 *   mark: (form, name, message) => form.setError(name, { type: 'server', message }),
 *   unmark: (form, name) => form.clearErrors(name),
 * };
 */
export interface LibraryMarking<Form, Name> {
  mark: (form: Form, name: Name, message: string) => void;
  unmark: (form: Form, name: Name, message: string) => void;
}

/**
 * Keeps a form library's field errors in step with `useFieldErrors`: each marked field gets its
 * message in the library, and the marks a previous error set are taken back when the error changes
 * or is reset. Values are never touched.
 * @example useLibraryMarks(form, fieldErrors, (fieldId) => String(fieldId), antdMarking);
 */
export function useLibraryMarks<Form, Name>(
  form: Form,
  fieldErrors: FieldErrors,
  nameOf: (fieldId: FieldId) => Name,
  marking: LibraryMarking<Form, Name>,
): void {
  const marks: Mark<Name>[] = fieldErrors.items.map((item) => ({
    name: nameOf(item.fieldId),
    message: item.message,
  }));
  // By value, not by identity: the items are rebuilt whenever the host passes a new `inputId` or
  // `name`, and re-marking on each render would make a library that re-renders its host loop.
  const signature = JSON.stringify(marks);
  const { error } = fieldErrors;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new error marks again, even with the same marks (the library may have cleared them on submit).
  useEffect(() => {
    const current = JSON.parse(signature) as Mark<Name>[];
    for (const { name, message } of current) marking.mark(form, name, message);
    return () => {
      for (const { name, message } of current) marking.unmark(form, name, message);
    };
  }, [form, error, signature, marking]);
}

import type { FieldErrors } from '../views/use-field-errors.js';
import { type FieldId, type LibraryMarking, useLibraryMarks } from './use-library-marks.js';

/**
 * The three methods of react-hook-form's `useForm()` the bridge calls (no import of
 * react-hook-form: any version 7 form fits, whatever its values' type). Names are plain strings
 * here: they come from the `name` option, which the form's types cannot check.
 * @example const form: ReactHookForm = useForm<SignUpValues>();
 */
export interface ReactHookForm {
  setError(name: string, error: { type: string; message: string }): void;
  clearErrors(name?: string | readonly string[]): void;
  getFieldState(name: string): { error?: { type?: string; message?: string } };
}

export interface ReactHookFormErrorsOptions {
  /**
   * The name each field is registered under (`register(name)`). Default: `String(field_id)`.
   * @example useReactHookFormErrors(form, fieldErrors, { name: (fieldId) => `answers.f${fieldId}` })
   */
  name?: (fieldId: FieldId) => string;
}

// The `type` of the errors the bridge sets: how it tells them from the host's own rules'.
const SERVER_ERROR_TYPE = 'server';

const rhfMarking: LibraryMarking<ReactHookForm, string> = {
  mark: (form, name, message) => form.setError(name, { type: SERVER_ERROR_TYPE, message }),
  unmark: (form, name, message) => {
    const { error } = form.getFieldState(name);
    if (error?.type === SERVER_ERROR_TYPE && error.message === message) form.clearErrors(name);
  },
};

/**
 * Shows `useFieldErrors`' marks in a react-hook-form form: each field the API refused (100307,
 * 100308, 100309) gets `setError(name, { type: 'server', message })`, so it appears in
 * `formState.errors` and wherever the host shows its own errors. When the error changes or is
 * reset, the marks it set are cleared; errors of the host's own rules are left alone, and values
 * are never touched. Spread `fieldErrors.fieldProps(field_id)` on each input (after `register`)
 * so that `<ApiErrorSummary>` links to it.
 * @example
 * const form = useForm();
 * const fieldErrors = useFieldErrors(submit, { fields });
 * useReactHookFormErrors(form, fieldErrors);
 * <input {...form.register(String(field.field_id))} {...fieldErrors.fieldProps(field.field_id)} />
 * <p>{form.formState.errors[field.field_id]?.message}</p>
 */
export function useReactHookFormErrors(
  form: ReactHookForm,
  fieldErrors: FieldErrors,
  { name = String }: ReactHookFormErrorsOptions = {},
): void {
  useLibraryMarks(form, fieldErrors, name, rhfMarking);
}

import type { FieldErrors } from '../views/use-field-errors.js';
import { type FieldId, type LibraryMarking, useLibraryMarks } from './use-library-marks.js';

/** A `Form.Item`'s `name`: a key, or the path to a nested one. */
export type AntdNamePath = string | number | (string | number)[];

/**
 * The two methods of antd's `FormInstance` the bridge calls (no import of antd: the `form` of
 * `Form.useForm()` in antd 4, 5 and 6 fits).
 * @example const [form] = Form.useForm(); const bridged: AntdForm = form;
 */
export interface AntdForm {
  setFields(fields: { name: AntdNamePath; errors?: string[] }[]): void;
  getFieldError(name: AntdNamePath): string[];
}

export interface AntdFormErrorsOptions {
  /**
   * Each field's `Form.Item` `name`. Default: `String(field_id)`, so the item reads
   * `name={String(field.field_id)}` (antd tells the number 7 from the text "7").
   * @example useAntdFormErrors(form, fieldErrors, { name: (fieldId) => ['answers', String(fieldId)] })
   */
  name?: (fieldId: FieldId) => AntdNamePath;
}

const antdMarking: LibraryMarking<AntdForm, AntdNamePath> = {
  mark: (form, name, message) => form.setFields([{ name, errors: [message] }]),
  unmark: (form, name, message) => {
    const errors = form.getFieldError(name);
    if (errors.length === 1 && errors[0] === message) form.setFields([{ name, errors: [] }]);
  },
};

/**
 * Shows `useFieldErrors`' marks in an antd `Form`: each field the API refused (100307, 100308,
 * 100309) gets the message as its `Form.Item`'s error (`form.setFields`), in antd's own red and
 * place. When the error changes or is reset, the errors it set are cleared; errors of the form's
 * own rules are left alone, and values are never touched. Give `useFieldErrors` the ids antd gives
 * the inputs (`antdInputId`), so that `<ApiErrorSummary>` links to them.
 * @example
 * const [form] = Form.useForm();
 * const fieldErrors = useFieldErrors(submit, { fields, inputId: antdInputId('signup') });
 * useAntdFormErrors(form, fieldErrors);
 * <Form form={form} name="signup">
 *   <ApiErrorSummary fieldErrors={fieldErrors} />
 *   <Form.Item name={String(field.field_id)} label={field.field_title}><Input /></Form.Item>
 * </Form>
 */
export function useAntdFormErrors(
  form: AntdForm,
  fieldErrors: FieldErrors,
  { name = String }: AntdFormErrorsOptions = {},
): void {
  useLibraryMarks(form, fieldErrors, name, antdMarking);
}

/**
 * The DOM id antd's `Form.Item` gives its input, `${formName}_${name}` (path parts joined by `_`),
 * for `useFieldErrors`' `inputId`. Pass the same `name` as to `useAntdFormErrors`.
 * @example useFieldErrors(submit, { fields, inputId: antdInputId('signup') }) // 'signup_71234567890101'
 */
export function antdInputId(
  formName?: string,
  { name = String }: AntdFormErrorsOptions = {},
): (fieldId: FieldId) => string {
  return (fieldId) => {
    const path = [name(fieldId)].flat().join('_');
    return formName ? `${formName}_${path}` : path;
  };
}

import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ErrorIcon } from './error-icon.js';
import type { FieldErrors } from './use-field-errors.js';

export interface ApiFieldErrorProps {
  /** The form's field errors, from `useFieldErrors`. */
  fieldErrors: FieldErrors;
  /**
   * The field whose message this is; renders nothing while it is not marked.
   * @example <ApiFieldError fieldErrors={fieldErrors} fieldId={field.field_id} />
   */
  fieldId: number | string;
}

/**
 * A marked field's own message, for between its label and its input (GOV.UK, Material): an icon
 * and the words, never colour alone. The input points to it with `aria-describedby`
 * (`fieldErrors.fieldProps`).
 */
export function ApiFieldError({ fieldErrors, fieldId }: ApiFieldErrorProps) {
  const t = useApiErrorsT();
  const item = fieldErrors.itemFor(fieldId);
  if (!item) return null;
  return (
    <p id={item.messageId} className="cae-field-error">
      <ErrorIcon tone="fix" className="cae-field-error__icon" />
      {/* "Error:" for screen readers, which read the message with the input's name. */}
      <span className="cae-visually-hidden">{t('fields.prefix')}</span>
      {/* The label comes from the form's template: isolated, so its direction stays inside. */}
      <bdi>{item.message}</bdi>
    </p>
  );
}

'use client';

import {
  ApiErrorArea,
  ApiErrorSummary,
  ApiErrorView,
  ApiFieldError,
  useAddRecord,
  useFieldErrors,
  useFormTemplate,
  useSubmitButton,
} from 'caoliao-api-errors';
import { type FormEvent, useState } from 'react';

/** README's "Recipe: a form-submission page", as a Next.js client component. */
export function SubmitPage({ tplId, codeId }: { tplId: number; codeId: number }) {
  const template = useFormTemplate({ tpl_id: tplId }); // not found, 401, 502 → the boundary's page view
  const submit = useAddRecord();
  const [values, setValues] = useState<Record<number, string>>({}); // never reset by an error
  const fields = template.data?.data.groups.flatMap((group) => group.fields) ?? [];
  const fieldErrors = useFieldErrors(submit, { fields });
  const button = useSubmitButton(submit); // a 429's wait, the error's resend leading
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (button.disabled) return; // aria-disabled does not stop a submit
    submit.mutate({
      code_id: codeId,
      tpl_id: tplId,
      fields: fields.map((f) => ({
        field_id: f.field_id,
        field_type: f.field_type,
        field_value: values[f.field_id] ?? '',
      })),
    });
  };
  if (submit.isSuccess) return <p role="status">已提交，编号 {submit.data.record_id}</p>;
  return (
    <ApiErrorArea mutation={submit}>
      <form onSubmit={send} noValidate>
        <h1>{template.data?.data.form.name ?? '…'}</h1>
        <ApiErrorSummary fieldErrors={fieldErrors} />
        {fields.map((f) => (
          <div key={f.field_id} className="cae-field">
            <label htmlFor={fieldErrors.fieldProps(f.field_id).id}>{f.field_title}</label>
            <ApiFieldError fieldErrors={fieldErrors} fieldId={f.field_id} />
            <input
              className="cae-input"
              {...fieldErrors.fieldProps(f.field_id)}
              value={values[f.field_id] ?? ''}
              onChange={(event) => setValues({ ...values, [f.field_id]: event.target.value })}
            />
          </div>
        ))}
        <ApiErrorView mutation={submit} fieldErrors={fieldErrors} />
        <button type="submit" className={button.className} aria-disabled={button.disabled || undefined}>
          {button.label ?? (button.sending ? '提交中…' : '提交')}
        </button>
      </form>
    </ApiErrorArea>
  );
}

'use client';

import {
  ApiErrorSummary,
  ApiErrorView,
  ApiFieldError,
  ApiQueryArea,
  SubmissionArea,
  useAddRecord,
  useFieldErrors,
  useFormTemplate,
  useSubmitButton,
} from 'caoliao-api-errors';
import type { TemplateResult } from 'caoliao-api-errors/client';
import { type FormEvent, useState } from 'react';

type Ids = { tplId: number; codeId: number };

/** README's "Recipe: a form-submission page", as a Next.js client component. */
export function SubmitPage({ tplId, codeId }: Ids) {
  // 404, 401, a 502 after its retries → the boundary's page view; its loading and any other failure → the area
  const template = useFormTemplate({ tpl_id: tplId });
  return (
    <ApiQueryArea query={template} loadingLabel="正在加载表单…">
      {(data) => <SubmitForm template={data} tplId={tplId} codeId={codeId} />}
    </ApiQueryArea>
  );
}

function SubmitForm({ template, tplId, codeId }: Ids & { template: TemplateResult }) {
  const submit = useAddRecord();
  const [values, setValues] = useState<Record<number, string>>({}); // never reset by an error
  const fields = template.data.groups.flatMap((group) => group.fields);
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
  return (
    <SubmissionArea mutation={submit} next="工作人员会在 1 个工作日内短信联系您。">
      <form onSubmit={send} noValidate>
        <h1>{template.data.form.name}</h1>
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
    </SubmissionArea>
  );
}

import { type FormEvent, useState } from 'react';
import type { AddRecordRequest } from '../../src/client/index.js';
import {
  ApiErrorBoundary,
  ApiErrorView,
  useAddRecord,
  useFieldErrors,
  useFormTemplate,
} from '../../src/react/index.js';

export interface FormSubmissionPageProps {
  tplId: number;
  codeId: number;
}

function SubmissionForm({ tplId, codeId }: FormSubmissionPageProps) {
  const template = useFormTemplate({ tpl_id: tplId });
  const submit = useAddRecord();
  // What the person typed lives here, and no error ever resets it.
  const [values, setValues] = useState<Record<number, string>>({});
  const fields = template.data?.data.groups.flatMap((group) => group.fields) ?? [];
  const marked = useFieldErrors(submit.error, {
    fieldIds: fields.map((field) => field.field_id),
    errorId: 'submit-error',
  });

  const request = (): AddRecordRequest => ({
    code_id: codeId,
    tpl_id: tplId,
    fields: fields.map((field) => ({
      field_id: field.field_id,
      field_type: field.field_type,
      field_value: values[field.field_id] ?? '',
    })),
  });
  const send = () => submit.mutateAsync(request());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(request());
  };

  if (template.isPending) return <p role="status">加载中…</p>;
  if (submit.isSuccess) {
    return (
      <p role="status" className="example__done">
        {`提交成功\uFF0C记录编号 ${String(submit.data.record_id)}`}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="example__form">
      <h1>{template.data?.data.form.name}</h1>
      {fields.map((field) => (
        <label key={field.field_id} className="example__field">
          {field.field_title}
          {field.settings.is_required ? ' *' : ''}
          <input
            {...marked.fieldProps(field.field_id)}
            value={values[field.field_id] ?? ''}
            onChange={(event) =>
              setValues((current) => ({ ...current, [field.field_id]: event.target.value }))
            }
          />
        </label>
      ))}
      {/* While a 429 is retried by the policy its countdown shows; a final error waits for the person. */}
      <ApiErrorView
        id="submit-error"
        error={submit.isPending ? submit.failureReason : submit.error}
        write={!submit.isPending}
        onRetry={submit.isPending ? undefined : send}
        onFixFields={marked.focusFirst}
      />
      <button type="submit" className="cae-button cae-button--primary" aria-disabled={submit.isPending}>
        {submit.isPending ? '提交中…' : '提交'}
      </button>
    </form>
  );
}

/** A host page: someone scanned a QR code and fills in a form on a phone. */
export function FormSubmissionPage(props: FormSubmissionPageProps) {
  return (
    <main className="example">
      <ApiErrorBoundary>
        <SubmissionForm {...props} />
      </ApiErrorBoundary>
    </main>
  );
}

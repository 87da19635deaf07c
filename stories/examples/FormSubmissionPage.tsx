import { type FormEvent, useEffect, useState } from 'react';
import type { AddRecordRequest, TemplateField, TemplateResult } from '../../src/client/index.js';
import {
  ApiErrorBoundary,
  ApiErrorSummary,
  ApiErrorsProvider,
  ApiErrorView,
  ApiFieldError,
  ApiQueryArea,
  DraftResumePrompt,
  PendingSubmission,
  SubmissionArea,
  useAddRecord,
  useFieldErrors,
  useFormTemplate,
  useSendWhenOnline,
  useSubmissionDraft,
  useSubmitButton,
} from '../../src/react/index.js';
import { fill, type PageTexts } from './page-texts.js';
import './examples.css';

export interface FormSubmissionPageProps {
  tplId: number;
  codeId: number;
  /** The page's own words, in its language. */
  texts: PageTexts;
}

function Field({
  field,
  value,
  onChange,
  fieldErrors,
  texts,
}: {
  field: TemplateField;
  value: string;
  onChange: (value: string) => void;
  fieldErrors: ReturnType<typeof useFieldErrors>;
  texts: PageTexts;
}) {
  const props = {
    ...fieldErrors.fieldProps(field.field_id),
    className: 'cae-input',
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="cae-field demo-field">
      <label className="demo-label" htmlFor={props.id}>
        {field.field_title}
        {field.settings.is_required ? <span className="demo-required">{texts.required}</span> : null}
      </label>
      <ApiFieldError fieldErrors={fieldErrors} fieldId={field.field_id} />
      {field.field_type === 'textarea' ? (
        <textarea {...props} rows={3} />
      ) : (
        <input
          {...props}
          type={field.field_type === 'tel' ? 'tel' : 'text'}
          autoComplete={field.field_type === 'tel' ? 'tel' : field.field_type === 'name' ? 'name' : 'off'}
        />
      )}
    </div>
  );
}

/** The form's values in a kept submission. */
const valuesOf = (request: AddRecordRequest): Record<number, string> =>
  Object.fromEntries(request.fields.map((field) => [field.field_id, String(field.field_value)]));

function SubmissionForm({
  tplId,
  codeId,
  texts,
  template,
}: FormSubmissionPageProps & { template: TemplateResult }) {
  // A submission that has not succeeded survives a reload, with its Idempotency-Key.
  const saved = useSubmissionDraft({ id: `record-${tplId}-${codeId}`, template, storage: 'local' });
  const submit = useAddRecord({ onMutate: (request) => void saved.save(request), onSuccess: saved.clear });
  // Tapped with no connection: kept, and sent once when the connection returns (or on the next load).
  const offline = useSendWhenOnline(saved, submit);
  // The form's own button never contradicts the error beside it: a wait disables it and says so.
  const button = useSubmitButton(submit);
  // What the person typed lives here, and no error ever resets it.
  const [values, setValues] = useState<Record<number, string>>({});
  const fields = template.data.groups.flatMap((group) => group.fields);
  const fieldErrors = useFieldErrors(submit, { fields, errorId: 'submit-error' });

  const resume = () => {
    const request = saved.resume();
    if (!request) return;
    setValues(valuesOf(request));
    submit.mutate(request);
  };
  // A submission the last visit left waiting: its values back in the form while it waits.
  const waitingRequest = offline.waiting?.request;
  useEffect(() => {
    if (waitingRequest) setValues(valuesOf(waitingRequest));
  }, [waitingRequest]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (button.disabled) return;
    // While a kept submission waits, 提交 sends that one, with its key: never a second submission.
    if (offline.waiting) return void offline.sendNow();
    const request: AddRecordRequest = {
      code_id: codeId,
      tpl_id: tplId,
      fields: fields.map((field) => ({
        field_id: field.field_id,
        field_type: field.field_type,
        field_value: values[field.field_id] ?? '',
      })),
    };
    submit.mutate(request);
  };

  // Stored: the success takes the form's place (nothing left to send twice), with what happens next.
  const next = submit.isSuccess
    ? fill(texts.submittedNext, { id: String(submit.data.record_id) })
    : undefined;
  return (
    <SubmissionArea mutation={submit} next={next}>
      {saved.draft?.complete && !offline.waiting && submit.isIdle && (
        <DraftResumePrompt savedAt={saved.draft.savedAt} onResume={resume} onDiscard={saved.clear} />
      )}
      <form onSubmit={onSubmit} noValidate className="demo-form">
        <ApiErrorSummary fieldErrors={fieldErrors} />
        {fields.map((field) => (
          <Field
            key={field.field_id}
            field={field}
            value={values[field.field_id] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [field.field_id]: value }))}
            fieldErrors={fieldErrors}
            texts={texts}
          />
        ))}
        {/* Beside the button: a wait while the submission is retried, or what went wrong with it. */}
        {offline.waiting ? (
          <PendingSubmission
            savedAt={offline.waiting.savedAt}
            sending={offline.sending}
            onSendNow={offline.sendNow}
          />
        ) : (
          <ApiErrorView id="submit-error" mutation={submit} fieldErrors={fieldErrors} />
        )}
        <button
          type="submit"
          // While the kept submission waits, "send now" is the one primary action; while the error
          // offers its resend, that one is.
          className={`${offline.waiting ? 'cae-button' : button.className} demo-submit`}
          aria-disabled={button.disabled || undefined}
        >
          {button.label ?? (button.sending ? texts.submitting : texts.submit)}
        </button>
      </form>
    </SubmissionArea>
  );
}

/** The form's area: the template's loading, its error with a retry, then the form. */
function FormArea(props: FormSubmissionPageProps) {
  const template = useFormTemplate({ tpl_id: props.tplId });
  return (
    <ApiQueryArea query={template} loadingLabel={props.texts.loading}>
      {(data) => <SubmissionForm {...props} template={data} />}
    </ApiQueryArea>
  );
}

function FormHeader({ tplId, texts }: { tplId: number; texts: PageTexts }) {
  const template = useFormTemplate({ tpl_id: tplId }, { throwOnError: false });
  return (
    <header className="demo-header">
      <p className="demo-organizer">
        <span className="demo-logo" aria-hidden="true">
          {texts.organizer.slice(0, 1)}
        </span>
        {texts.organizer}
      </p>
      {/* While it loads, the title's room is kept; a template that failed has none to show. */}
      {template.data ? (
        <h1>{template.data.data.form.name}</h1>
      ) : (
        template.isPending && <div className="demo-title-placeholder" />
      )}
      <p className="demo-intro">{texts.formIntro}</p>
    </header>
  );
}

/** A host page: someone scanned a QR code and fills in a form on a phone. */
export function FormSubmissionPage(props: FormSubmissionPageProps) {
  return (
    <div className="demo demo--phone">
      <ApiErrorsProvider contactHref="tel:+864008123456">
        <main className="demo-card">
          <FormHeader tplId={props.tplId} texts={props.texts} />
          <ApiErrorBoundary>
            <FormArea {...props} />
          </ApiErrorBoundary>
        </main>
      </ApiErrorsProvider>
    </div>
  );
}

import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AddRecordRequest } from '../../src/client/index.js';
import type { ApiError } from '../../src/core/index.js';
import { en, zh } from '../../src/i18n/index.js';
import {
  ApiErrorSummary,
  ApiErrorView,
  ApiFieldError,
  type FormField,
  useFieldErrors,
} from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const NAME = 71234567890101;
const PHONE = 71234567890102;
const NOTES = 71234567890103;
const FIELDS = [
  { field_id: NAME, field_title: '姓名', settings: { is_required: 1, is_unique: 0 } },
  { field_id: PHONE, field_title: '手机号', settings: { is_required: 1, is_unique: 1 } },
  { field_id: NOTES, field_title: '备注', settings: { is_required: 0, is_unique: 0 } },
] satisfies FormField[];

/** A form submitted through a mutation that fails with `answer`, as the API would answer it. */
function SignUp({ answer }: { answer: ApiError }) {
  const [values, setValues] = useState<Record<number, string>>({});
  const submit = useMutation<unknown, ApiError, AddRecordRequest>({
    mutationFn: () => Promise.reject(answer),
  });
  const fieldErrors = useFieldErrors(submit, { fields: FIELDS, errorId: 'submit-error' });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate({
          code_id: 1,
          tpl_id: 2,
          fields: FIELDS.map(({ field_id }) => ({
            field_id,
            field_type: 'text',
            field_value: values[field_id] ?? '',
          })),
        });
      }}
    >
      <ApiErrorSummary fieldErrors={fieldErrors} />
      {FIELDS.map((field) => (
        <div key={field.field_id} className="cae-field">
          <label htmlFor={`cae-field-${field.field_id}`}>{field.field_title}</label>
          <ApiFieldError fieldErrors={fieldErrors} fieldId={field.field_id} />
          <input
            {...fieldErrors.fieldProps(field.field_id)}
            value={values[field.field_id] ?? ''}
            onChange={(event) =>
              setValues((current) => ({ ...current, [field.field_id]: event.target.value }))
            }
          />
        </div>
      ))}
      <ApiErrorView id="submit-error" mutation={submit} fieldErrors={fieldErrors} />
      <button type="submit">提交</button>
    </form>
  );
}

function renderForm(answer: ApiError, lng: 'zh' | 'en' = 'zh') {
  return renderIn(
    lng,
    <QueryClientProvider client={new QueryClient()}>
      <SignUp answer={answer} />
    </QueryClientProvider>,
  );
}

async function fill(label: string, text: string) {
  await userEvent.type(screen.getByLabelText(label), text);
}

describe('field errors, GOV.UK style', () => {
  it('summarise at the top, take focus, link to each field; each field shows its own message', async () => {
    renderForm(errorFor('100308', { detail: `required: ${NAME}` }));
    await fill('手机号', '13800138000');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));

    const summary = await screen.findByRole('region', { name: '还有 1 项需要填写或修改' });
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole('link', { name: '请填写姓名' });
    expect(link).toHaveAttribute('href', `#cae-field-${NAME}`);

    const name = screen.getByLabelText('姓名');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/^错误：\s*请填写姓名\s*$/);
    expect(screen.getByLabelText('手机号')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('手机号')).toHaveValue('13800138000');
    // The summary carries it: the view beside the button adds no second announcement.
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();

    await userEvent.click(link);
    expect(name).toHaveFocus();
  });

  it('name the empty required fields of a 100308 even when the server names none', async () => {
    renderForm(errorFor('100308'));
    await fill('备注', '靠窗');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    const summary = await screen.findByRole('region', { name: '还有 2 项需要填写或修改' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['请填写姓名', '请填写手机号']);
    expect(screen.getByLabelText('备注')).not.toHaveAttribute('aria-invalid');
  });

  it('say which value a 100307 found already used', async () => {
    renderForm(errorFor('100307'), 'en');
    await fill('姓名', '张三');
    await fill('手机号', '13800138000');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    const message = en.fields.duplicateValue
      .replace('{{value}}', '13800138000')
      .replace('{{label}}', '手机号');
    expect(await screen.findByRole('link', { name: message })).toBeInTheDocument();
    expect(screen.getByLabelText('手机号')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByLabelText('手机号')).toHaveAccessibleDescription(/^Error:/);
    expect(screen.getByRole('region', { name: 'There is a problem with 1 answer' })).toBeInTheDocument();
  });

  it('say what is wrong with a value of a 100309, and mark only what the server named', async () => {
    renderForm(errorFor('100309', { detail: `invalid: ${PHONE}` }));
    await fill('姓名', '张三');
    await fill('手机号', '12345');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByRole('link', { name: '请填写正确的手机号' })).toBeInTheDocument();
    expect(screen.getByLabelText('姓名')).not.toHaveAttribute('aria-invalid');
  });

  it('leave the view beside the button to say it when no field can be named', async () => {
    renderForm(errorFor('100309'));
    await fill('姓名', '张三');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText(zh.errors[100309].title)).toBeInTheDocument();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('mark nothing, and summarise nothing, for errors that are not about fields', async () => {
    renderForm(errorFor('100313', { detail: `field ${NAME}` }));
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText(zh.errors[100313].title)).toBeInTheDocument();
    expect(screen.queryByRole('region')).toBeNull();
    for (const field of FIELDS)
      expect(screen.getByLabelText(field.field_title)).not.toHaveAttribute('aria-invalid');
  });
});

import { QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { useForm } from 'react-hook-form';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { zh } from '../../src/i18n/index.js';
import { useReactHookFormErrors } from '../../src/react/form-libraries/react-hook-form.js';
import {
  ApiClientProvider,
  ApiErrorSummary,
  createApiQueryClient,
  useAddRecord,
  useFieldErrors,
  useFormTemplate,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

// The default world's form 7001 on code 8001: 姓名 (required), 手机号 (required, unique, 1 + 10 digits), 备注.
const NAME = 71234567890101;
const NOTES = 71234567890103;
const HOST_ERROR = { type: 'validate', message: '备注不能超过 10 个字' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.resetHandlers(...createSimulatorHandlers({ simulator: createSimulator() })));
afterAll(() => server.close());

let renders = 0;

/**
 * A host's react-hook-form form, its fields from the template, submitted through `useAddRecord`;
 * with `prefix`, its fields are registered as `${prefix}${field_id}`, the bridge told so inline, and
 * its inputs' ids (like the host's own `inputId`) are new functions on every render.
 */
function SignUp({ prefix = '' }: { prefix?: string }) {
  renders += 1;
  // A render loop (a bridge re-marking on every render) fails the test instead of hanging it.
  if (renders > 500) throw new Error('SignUp rendered 500 times: a render loop');
  const name = (fieldId: number | string) => `${prefix}${fieldId}`;
  const template = useFormTemplate({ tpl_id: 7001 });
  const submit = useAddRecord();
  const form = useForm<Record<string, string>>();
  const fields = template.data?.data.groups.flatMap((group) => group.fields) ?? [];
  const fieldErrors = useFieldErrors(submit, { fields, inputId: (fieldId) => `input-${name(fieldId)}` });
  useReactHookFormErrors(form, fieldErrors, prefix ? { name } : {});
  const send = form.handleSubmit(() =>
    submit.mutate({
      code_id: 8001,
      tpl_id: 7001,
      fields: fields.map((field) => ({
        field_id: field.field_id,
        field_type: field.field_type,
        field_value: form.getValues(name(field.field_id)) ?? '',
      })),
    }),
  );
  return (
    <form onSubmit={send} noValidate>
      <ApiErrorSummary fieldErrors={fieldErrors} />
      {fields.map((field) => {
        const { error } = form.getFieldState(name(field.field_id), form.formState);
        return (
          <div key={field.field_id}>
            <label htmlFor={fieldErrors.fieldProps(field.field_id).id}>{field.field_title}</label>
            <input {...form.register(name(field.field_id))} {...fieldErrors.fieldProps(field.field_id)} />
            {/* The host's own error element, fed by react-hook-form alone. */}
            {error && (
              <p className="rhf-error" data-type={error.type}>
                {error.message}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit">提交</button>
      {submit.isSuccess && <p>已提交</p>}
      <button type="button" onClick={() => submit.reset()}>
        重新填写
      </button>
      <button type="button" onClick={() => form.setError(name(NOTES), HOST_ERROR)}>
        检查备注
      </button>
      <button type="button" onClick={() => form.setError(name(NAME), HOST_ERROR)}>
        检查姓名
      </button>
    </form>
  );
}

async function renderSignUp(prefix?: string) {
  renders = 0;
  renderIn(
    'zh',
    <QueryClientProvider client={createApiQueryClient()}>
      <ApiClientProvider client={createApiClient()}>
        <SignUp prefix={prefix} />
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  // Generous: on a loaded machine the template takes its time, and the time is not the point.
  await screen.findByLabelText('姓名', {}, { timeout: 10_000 });
}

const input = (label: string) => screen.getByLabelText(label);
/** The messages react-hook-form holds, as the host shows them: the field's label → its message. */
const shownErrors = () =>
  Object.fromEntries(
    [...document.querySelectorAll('.rhf-error')].map((element) => [
      element.parentElement?.querySelector('label')?.textContent,
      element.textContent,
    ]),
  );
const summary = (count: number) =>
  screen.findByRole('region', { name: `还有 ${count} 项需要填写或修改` }, { timeout: 10_000 });

async function submitWith(values: Record<string, string>) {
  for (const [label, text] of Object.entries(values)) {
    await userEvent.clear(input(label));
    await userEvent.type(input(label), text);
  }
  await userEvent.click(screen.getByRole('button', { name: '提交' }));
}

describe('useReactHookFormErrors: the API’s field errors in react-hook-form', () => {
  it('a 100308 puts "请填写姓名" in formState.errors; the summary links to the registered input and focuses it', async () => {
    await renderSignUp();
    await submitWith({ 手机号: '13800138000' });

    const region = await summary(1);
    await waitFor(() => expect(shownErrors()).toEqual({ 姓名: '请填写姓名' }));
    expect(document.querySelector('.rhf-error')).toHaveAttribute('data-type', 'server');
    const link = within(region).getByRole('link', { name: '请填写姓名' });
    expect(link).toHaveAttribute('href', `#${input('姓名').id}`);
    await userEvent.click(link);
    expect(input('姓名')).toHaveFocus();
    expect(input('手机号')).toHaveValue('13800138000');
  });

  it('a 100307 quotes the value already used, a 100309 says which format is wrong', async () => {
    await renderSignUp();
    await submitWith({ 姓名: '张三', 手机号: '12345' });
    await waitFor(() => expect(shownErrors()).toEqual({ 手机号: '请填写正确的手机号' }));

    await submitWith({ 手机号: '13800138000' });
    await screen.findByText('已提交', {}, { timeout: 10_000 });
    expect(shownErrors()).toEqual({});
    await submitWith({ 姓名: '李四' });
    const duplicate = zh.fields.duplicateValue
      .replace('{{label}}', '手机号')
      .replace('{{value}}', '13800138000');
    await waitFor(() => expect(shownErrors()).toEqual({ 手机号: duplicate }), { timeout: 10_000 });
    expect(within(await summary(1)).getByRole('link', { name: duplicate })).toHaveAttribute(
      'href',
      `#${input('手机号').id}`,
    );
  });

  it('a reset takes back the marks it set, and only those: the host’s own errors stay', async () => {
    await renderSignUp();
    await submitWith({});
    await summary(2);
    await waitFor(() => expect(shownErrors()).toEqual({ 姓名: '请填写姓名', 手机号: '请填写手机号' }));

    // The host's own check marks 备注, and replaces the API's message on 姓名.
    await userEvent.click(screen.getByRole('button', { name: '检查备注' }));
    await userEvent.click(screen.getByRole('button', { name: '检查姓名' }));
    await userEvent.click(screen.getByRole('button', { name: '重新填写' }));

    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(shownErrors()).toEqual({ 姓名: HOST_ERROR.message, 备注: HOST_ERROR.message });
    expect(input('手机号')).not.toHaveAttribute('aria-invalid');
  });

  it('takes the host’s own field names, given inline on every render, and marks once: no render loop', async () => {
    await renderSignUp('answers.f');
    await submitWith({ 姓名: '张三' });
    await waitFor(() => expect(shownErrors()).toEqual({ 手机号: '请填写手机号' }), { timeout: 10_000 });
    // Re-marking on each render would re-render the form for ever: wait well past a few rounds.
    const settled = renders;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renders - settled).toBeLessThan(3);
    expect(input('手机号')).toHaveAttribute('aria-invalid', 'true');
  });
});

import { QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { zh } from '../../src/i18n/index.js';
import { antdInputId, useAntdFormErrors } from '../../src/react/form-libraries/antd.js';
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
const HOST_ERROR = '备注不能超过 10 个字';

// jsdom has no matchMedia, which antd's grid (the Row and Col inside each Form.Item) subscribes to.
window.matchMedia ??= (media) =>
  ({ media, matches: false, addListener() {}, removeListener() {} }) as unknown as MediaQueryList;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.resetHandlers(...createSimulatorHandlers({ simulator: createSimulator() })));
afterAll(() => server.close());

/** A host's antd form, its items from the template, submitted through `useAddRecord`. */
function SignUp() {
  const template = useFormTemplate({ tpl_id: 7001 });
  const submit = useAddRecord();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const fields = template.data?.data.groups.flatMap((group) => group.fields) ?? [];
  const fieldErrors = useFieldErrors(submit, { fields, inputId: antdInputId('signup') });
  useAntdFormErrors(form, fieldErrors);
  const hostCheck = (fieldId: number) => form.setFields([{ name: String(fieldId), errors: [HOST_ERROR] }]);
  return (
    <Form
      form={form}
      name="signup"
      onFinish={(values) =>
        submit.mutate({
          code_id: 8001,
          tpl_id: 7001,
          fields: fields.map((field) => ({
            field_id: field.field_id,
            field_type: field.field_type,
            field_value: values[field.field_id] ?? '',
          })),
        })
      }
    >
      <ApiErrorSummary fieldErrors={fieldErrors} />
      {fields.map((field) => (
        <Form.Item key={field.field_id} name={String(field.field_id)} label={field.field_title}>
          <Input />
        </Form.Item>
      ))}
      <Button htmlType="submit">提交报名</Button>
      {submit.isSuccess && <p>已提交</p>}
      <Button onClick={() => submit.reset()}>重新填写</Button>
      <Button onClick={() => hostCheck(NOTES)}>检查备注</Button>
      <Button onClick={() => hostCheck(NAME)}>检查姓名</Button>
    </Form>
  );
}

async function renderSignUp() {
  renderIn(
    'zh',
    <QueryClientProvider client={createApiQueryClient()}>
      <ApiClientProvider client={createApiClient()}>
        <SignUp />
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  // Generous: on a loaded machine the template takes its time, and the time is not the point.
  await screen.findByLabelText('姓名', {}, { timeout: 10_000 });
}

const input = (label: string) => screen.getByLabelText(label);
/** The errors antd shows, in its own element: the item's label → its messages. */
const shownErrors = () =>
  Object.fromEntries(
    [...document.querySelectorAll('.ant-form-item')].flatMap((item) => {
      const errors = [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
      return errors.length > 0 ? [[item.querySelector('label')?.textContent, errors.join(' | ')]] : [];
    }),
  );
const summary = (count: number) =>
  screen.findByRole('region', { name: `还有 ${count} 项需要填写或修改` }, { timeout: 10_000 });

async function submitWith(values: Record<string, string>) {
  for (const [label, text] of Object.entries(values)) {
    await userEvent.clear(input(label));
    await userEvent.type(input(label), text);
  }
  await userEvent.click(screen.getByRole('button', { name: '提交报名' }));
}

describe('useAntdFormErrors: the API’s field errors in an antd Form', () => {
  it('a 100308 shows "请填写姓名" as antd’s own item error; the summary links to antd’s input id and focuses it', async () => {
    await renderSignUp();
    await submitWith({ 手机号: '13800138000' });

    const region = await summary(1);
    await waitFor(() => expect(shownErrors()).toEqual({ 姓名: '请填写姓名' }));
    expect(input('姓名').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
    expect(input('姓名')).toHaveAttribute('aria-invalid', 'true');
    const link = within(region).getByRole('link', { name: '请填写姓名' });
    expect(link).toHaveAttribute('href', `#signup_${NAME}`);
    expect(input('姓名')).toHaveAttribute('id', `signup_${NAME}`);
    await userEvent.click(link);
    expect(input('姓名')).toHaveFocus();
    expect(input('手机号')).toHaveValue('13800138000');
  });

  it('a 100309 says which format is wrong; after a success, a 100307 quotes the value already used', async () => {
    await renderSignUp();
    await submitWith({ 姓名: '张三', 手机号: '12345' });
    await waitFor(() => expect(shownErrors()).toEqual({ 手机号: '请填写正确的手机号' }), { timeout: 10_000 });

    await submitWith({ 手机号: '13800138000' });
    await screen.findByText('已提交', {}, { timeout: 10_000 });
    await waitFor(() => expect(shownErrors()).toEqual({}));

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

  it('a reset takes back the errors it set, and only those: the host’s own errors stay', async () => {
    await renderSignUp();
    await submitWith({});
    await summary(2);
    await waitFor(() => expect(shownErrors()).toEqual({ 姓名: '请填写姓名', 手机号: '请填写手机号' }));

    // The host's own check marks 备注, and replaces the API's message on 姓名.
    await userEvent.click(screen.getByRole('button', { name: '检查备注' }));
    await userEvent.click(screen.getByRole('button', { name: '检查姓名' }));
    await userEvent.click(screen.getByRole('button', { name: '重新填写' }));

    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    await waitFor(() => expect(shownErrors()).toEqual({ 姓名: HOST_ERROR, 备注: HOST_ERROR }));
    expect(input('手机号')).not.toHaveAttribute('aria-invalid');
  });
});

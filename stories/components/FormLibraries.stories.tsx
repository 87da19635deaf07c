import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button, ConfigProvider, Form, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { expect, within } from 'storybook/test';
import { antdInputId, useAntdFormErrors } from '../../src/react/form-libraries/antd.js';
import { useReactHookFormErrors } from '../../src/react/form-libraries/react-hook-form.js';
import { ApiErrorSummary, type FormField, useFieldErrors } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const NAME = 71234567890101;
const PHONE = 71234567890102;
const FIELDS: FormField[] = [
  { field_id: NAME, field_title: '姓名', settings: { is_required: true } },
  { field_id: PHONE, field_title: '手机号', settings: { is_required: true, is_unique: true } },
];
/** The simulator's answer to a submission with both required fields empty. */
const requiredEmpty = errorForKey('100308', { detail: `required: ${NAME}, ${PHONE}` });

/** antd's default theme is light: the form keeps its own surface in the page's dark theme too. */
function AntdSignUp() {
  const [form] = Form.useForm();
  const fieldErrors = useFieldErrors(requiredEmpty, { fields: FIELDS, inputId: antdInputId('signup') });
  useAntdFormErrors(form, fieldErrors);
  return (
    // antd's default red (#ff4d4f) and blue (#1677ff) fall short of 4.5:1 on white: a host that checks
    // contrast sets their darker shades (red-7, blue-7).
    // `motion: false`: antd fades a field's message in, and an axe run during the fade measured its
    // half-transparent red against white (2.59:1).
    <ConfigProvider theme={{ token: { colorError: '#cf1322', colorPrimary: '#0958d9', motion: false } }}>
      <div
        data-cae-theme="light"
        style={{ background: '#fff', colorScheme: 'light', padding: 16, maxWidth: 480 }}
      >
        <Form form={form} name="signup" layout="vertical">
          <ApiErrorSummary fieldErrors={fieldErrors} />
          {FIELDS.map((field) => (
            <Form.Item key={field.field_id} name={String(field.field_id)} label={field.field_title}>
              <Input />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit">
            提交报名
          </Button>
        </Form>
      </div>
    </ConfigProvider>
  );
}

/** react-hook-form has no styles: the host shows `formState.errors` with its own (here the kit's) classes. */
function ReactHookFormSignUp() {
  const form = useForm<Record<string, string>>();
  const fieldErrors = useFieldErrors(requiredEmpty, { fields: FIELDS });
  useReactHookFormErrors(form, fieldErrors);
  return (
    <form noValidate style={{ maxWidth: 480, padding: 16 }}>
      <ApiErrorSummary fieldErrors={fieldErrors} />
      {FIELDS.map((field) => (
        <div key={field.field_id} className="cae-field">
          <label htmlFor={fieldErrors.fieldProps(field.field_id).id}>{field.field_title}</label>
          <p className="cae-field-error">{form.formState.errors[field.field_id]?.message}</p>
          <input
            className="cae-input"
            {...form.register(String(field.field_id))}
            {...fieldErrors.fieldProps(field.field_id)}
          />
        </div>
      ))}
      <button type="submit" className="cae-button cae-button--primary">
        提交报名
      </button>
    </form>
  );
}

const meta = {
  title: 'Components/FormLibraries',
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** An antd Form after a 100308: antd's own red item errors, the summary linking to antd's inputs. */
export const AntdRequiredFieldsEmpty: Story = {
  render: () => <AntdSignUp />,
  tags: ['visual'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('link')).toHaveLength(2);
    await expect(canvasElement.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(2);
    await expect(canvas.getAllByRole('link')[0]).toHaveAttribute('href', `#signup_${NAME}`);
  },
};

/** A react-hook-form form after a 100308: the messages come from `formState.errors`. */
export const ReactHookFormRequiredFieldsEmpty: Story = {
  render: () => <ReactHookFormSignUp />,
  tags: ['visual'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('link')).toHaveLength(2);
    await expect(canvasElement.querySelectorAll('.cae-field-error:not(:empty)')).toHaveLength(2);
  },
};

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { delay, http } from 'msw';
import { type FormEvent, type ReactNode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { zh } from '../../src/i18n/index.js';
import {
  ApiClientProvider,
  ApiErrorsProvider,
  type ApiErrorsProviderProps,
  ApiErrorView,
  SubmissionArea,
  useAddRecord,
  useSubmitButton,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers } from '../../src/testing/index.js';
import { API, setupMockApi } from '../support/msw.js';

const server = setupMockApi();
afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { WeixinJSBridge?: unknown }).WeixinJSBridge;
});

// The simulator's form 7001 and code 8001: 姓名 (required), 手机号 (unique), 备注.
const FIELDS = [
  { field_id: 71234567890101, field_type: 'name', label: '姓名' },
  { field_id: 71234567890102, field_type: 'tel', label: '手机号' },
] as const;

/** The README's form recipe, reduced to its submission: values kept in state, the area around the form. */
function SubmitForm({ fillAnother }: { fillAnother: boolean }) {
  const submit = useAddRecord();
  const button = useSubmitButton(submit);
  const [values, setValues] = useState<Record<number, string>>({});
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (button.disabled) return;
    submit.mutate({
      code_id: 8001,
      tpl_id: 7001,
      fields: FIELDS.map(({ field_id, field_type }) => ({
        field_id,
        field_type,
        field_value: values[field_id] ?? '',
      })),
    });
  };
  return (
    <SubmissionArea
      mutation={submit}
      next="工作人员会短信联系您。"
      {...(fillAnother ? { onFillAnother: () => setValues({}) } : {})}
    >
      <form onSubmit={send} noValidate>
        {FIELDS.map(({ field_id, label }) => (
          <label key={field_id}>
            {label}
            <input
              value={values[field_id] ?? ''}
              onChange={(event) => setValues({ ...values, [field_id]: event.target.value })}
            />
          </label>
        ))}
        <ApiErrorView mutation={submit} />
        <button type="submit" aria-disabled={button.disabled || undefined}>
          提交
        </button>
      </form>
    </SubmissionArea>
  );
}

function renderForm({
  fillAnother = false,
  provider = {},
}: {
  fillAnother?: boolean;
  provider?: Omit<ApiErrorsProviderProps, 'children'>;
} = {}) {
  const simulator = createSimulator();
  server.use(...createSimulatorHandlers({ simulator }));
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={createApiClient()}>
        <ApiErrorsProvider languages={{ zh }} {...provider}>
          {children}
        </ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
  const view = render(<SubmitForm fillAnother={fillAnother} />, { wrapper });
  return { ...view, simulator };
}

async function fillAndSubmit(name: string, phone: string) {
  await userEvent.type(screen.getByLabelText('姓名'), name);
  await userEvent.type(screen.getByLabelText('手机号'), phone);
  await userEvent.click(screen.getByRole('button', { name: '提交' }));
}

describe('SubmissionArea', () => {
  it('puts the success Result in the form’s place, its headline focused: nothing is left to send twice, so no 100307 from a second tap', async () => {
    const { simulator } = renderForm();
    await fillAndSubmit('张三', '13800138000');

    const headline = await screen.findByRole('heading', { level: 2, name: zh.ui.submitted });
    await waitFor(() => expect(headline).toHaveFocus());
    expect(screen.getByText(zh.ui.submittedBody)).toBeInTheDocument();
    expect(screen.getByText('工作人员会短信联系您。')).toBeInTheDocument();
    // The regression: the filled form stayed, and a second tap stored nothing but answered 100307.
    expect(screen.queryByRole('button', { name: '提交' })).toBeNull();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(simulator.state.records).toHaveLength(1);
    // In the success tone, never an error's.
    expect(headline.closest('section')).toHaveAttribute('data-tone', 'done');
  });

  it('offers "fill in another" when the host can empty its form: the form comes back empty, its first field focused', async () => {
    const { simulator } = renderForm({ fillAnother: true });
    await fillAndSubmit('张三', '13800138000');
    await userEvent.click(await screen.findByRole('button', { name: zh.ui.fillAnother }));

    const name = screen.getByLabelText('姓名');
    expect(name).toHaveValue('');
    await waitFor(() => expect(name).toHaveFocus());
    await fillAndSubmit('李四', '13900139000');
    await screen.findByRole('heading', { level: 2, name: zh.ui.submitted });
    expect(simulator.state.records).toHaveLength(2);
  });

  it('ends the page with no handler: says it can be closed, and offers no button that does nothing', async () => {
    renderForm();
    await fillAndSubmit('张三', '13800138000');
    await screen.findByRole('heading', { level: 2, name: zh.ui.submitted });
    expect(screen.getByText(zh.ui.canClose)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('closes the page in an in-app browser that can, and with the provider’s onClosePage anywhere', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 MicroMessenger/8.0.42');
    const calls: unknown[][] = [];
    (window as { WeixinJSBridge?: unknown }).WeixinJSBridge = {
      call: (...args: unknown[]) => calls.push(args),
    };
    const inApp = renderForm();
    await fillAndSubmit('张三', '13800138000');
    await userEvent.click(await screen.findByRole('button', { name: zh.actions['close-page'] }));
    expect(calls).toEqual([['closeWindow']]);
    expect(screen.queryByText(zh.ui.canClose)).toBeNull();
    inApp.unmount();

    const onClosePage = vi.fn();
    renderForm({ provider: { onClosePage } });
    await fillAndSubmit('王五', '13700137000');
    await userEvent.click(await screen.findByRole('button', { name: zh.actions['close-page'] }));
    expect(onClosePage).toHaveBeenCalledTimes(1);
  });

  it('is busy while the submission is on its way, and not while a resend after an error is (its views must be heard)', async () => {
    const { container, simulator } = renderForm();
    // Ahead of the simulator: holds each answer back 300 ms, then lets the simulator give it.
    server.use(http.post(`${API}/record/addRecord`, () => delay(300)));
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    const area = container.querySelector('.cae-submission');
    expect(area).not.toHaveAttribute('aria-busy');
    await fillAndSubmit('张三', '13800138000');
    expect(area).toHaveAttribute('aria-busy', 'true');
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(zh.errors[502].title_write as string));
    expect(area).not.toHaveAttribute('aria-busy');

    await userEvent.click(screen.getByRole('button', { name: zh.actions.retry_ambiguous as string }));
    expect(area).not.toHaveAttribute('aria-busy');
    await screen.findByRole('heading', { level: 2, name: zh.ui.submitted }, { timeout: 5000 });
  });

  it('keeps an error that ends the flow as ApiErrorArea shows it', async () => {
    const { simulator } = renderForm();
    simulator.inject({ endpoint: 'addRecord', errorCode: 100313 });
    await fillAndSubmit('张三', '13800138000');
    await screen.findByRole('heading', {
      level: 2,
      name: zh.errors[100313].title_write ?? zh.errors[100313].title,
    });
    await act(async () => {});
    expect(screen.queryByRole('heading', { name: zh.ui.submitted })).toBeNull();
  });
});

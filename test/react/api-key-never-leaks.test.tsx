import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createApiErrorsI18n } from '../../src/i18n/index.js';
import { ApiClientProvider, ApiErrorsProvider, createApiQueryClient } from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers, defaultSimulatorState } from '../../src/testing/index.js';
import { FormSubmissionPage } from '../../stories/examples/FormSubmissionPage.js';
import { PAGE_TEXTS } from '../../stories/examples/page-texts.js';

const API_KEY = 'sk_live_9f8e7d6c5b4a_NEVER_SHOWN';
const simulator = createSimulator({
  state: { ...defaultSimulatorState(), apiKeys: { [API_KEY]: { write: true } } },
});
const server = setupServer(...createSimulatorHandlers({ simulator }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the API key, through the whole form-submission example', () => {
  it('never appears in the DOM, in onError payloads, in serialised errors or on the console', async () => {
    const printed: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => printed.push(args));
    }
    const reported: unknown[] = [];
    const queryClient = createApiQueryClient({
      onError: (error) => reported.push(error, JSON.stringify(error)),
    });
    const client = createApiClient({ apiKey: API_KEY });
    render(
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider client={client}>
          <ApiErrorsProvider i18n={createApiErrorsI18n('zh')}>
            <FormSubmissionPage tplId={7001} codeId={8001} texts={PAGE_TEXTS.zh} />
          </ApiErrorsProvider>
        </ApiClientProvider>
      </QueryClientProvider>,
    );
    const submit = await screen.findByRole('button', { name: '提交' });

    await userEvent.click(submit); // 100308: required fields empty
    await screen.findByText('还有 2 项需要填写或修改');
    await userEvent.type(screen.getByLabelText(/姓名/), '张三');
    await userEvent.type(screen.getByLabelText(/手机号/), '13800138000');
    // A gateway that echoes the request's Authorization header into its error.
    simulator.inject({
      endpoint: 'addRecord',
      code: 400,
      errorCode: 100300,
      message: `bad header Bearer ${API_KEY}`,
      detail: API_KEY,
    });
    await userEvent.click(submit);
    await screen.findByText(/服务出了点问题/);
    for (const details of document.querySelectorAll('details')) details.open = true;
    simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    await userEvent.click(await screen.findByRole('button', { name: '再提交一次' }));
    await screen.findByText(/提交成功/);

    expect(reported.length).toBeGreaterThanOrEqual(3);
    const seen = [document.documentElement.outerHTML, ...reported.map(String), JSON.stringify(printed)].join(
      '\n',
    );
    expect(seen).toContain('[redacted]'); // the echo was there, and was cut
    expect(seen).not.toContain(API_KEY);
  });
});

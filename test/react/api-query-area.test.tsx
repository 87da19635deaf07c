import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { delay, http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { zh } from '../../src/i18n/index.js';
import {
  ApiClientProvider,
  ApiErrorBoundary,
  ApiErrorsProvider,
  ApiQueryArea,
  useFormTemplate,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers, type Fault } from '../../src/testing/index.js';
import { API, setupMockApi } from '../support/msw.js';

const server = setupMockApi();

/**
 * Every failure a read of the template can meet (openapi-v2.md: any endpoint's 400, 100300, 100301,
 * 401, 100315, 100316, 404, 429, 502; getTemplate's 100304; and the failures with no code), as the
 * simulator answers it to forms/getTemplate; each under the catalog key it must be shown as.
 */
const READ_FAILURES: Record<string, Fault> = {
  '400': { code: 400 },
  '100300': { errorCode: 100300 },
  '100301': { errorCode: 100301 },
  '401': { code: 401 },
  '100315': { code: 401, errorCode: 100315 },
  '100316': { code: 401, errorCode: 100316 },
  '404': { code: 404 },
  '100304': { errorCode: 100304 },
  '429': { code: 429, retryAfter: '60' },
  '502': { status: 502, html: true },
  network: { network: true },
  timeout: { delayMs: 5000 },
  'invalid-response': { status: 200, body: '<html>Wi-Fi login</html>' },
  http: { status: 418, body: 'teapot' },
  unknown: { code: 460 }, // an envelope with a code the catalog does not know
};

/** The form's area: the template read, shown by `ApiQueryArea`. */
function Form({ throwOnError }: { throwOnError?: false }) {
  const template = useFormTemplate({ tpl_id: 7001 }, throwOnError === false ? { throwOnError } : {});
  return (
    <ApiQueryArea query={template} loadingLabel="正在加载表单…">
      {(data) => <p>{data.data.form.name}</p>}
    </ApiQueryArea>
  );
}

/** The visitor's page as the README's recipe composes it: the boundary, and the area around the form. */
function renderPage(
  fault: Fault | undefined,
  { throwOnError, answerAfterMs }: { throwOnError?: false; answerAfterMs?: number } = {},
) {
  const simulator = createSimulator();
  if (fault) simulator.inject({ endpoint: 'getTemplate', ...fault });
  server.use(...createSimulatorHandlers({ simulator }));
  // Ahead of the simulator: holds the answer back, then lets the simulator give it.
  if (answerAfterMs) server.use(http.post(`${API}/forms/getTemplate`, () => delay(answerAfterMs)));
  // No retries of ours (the host's tests set them off): each failure shows after one answer.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createApiClient({ timeoutMs: answerAfterMs ? 10_000 : 1000 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        <ApiErrorsProvider languages={{ zh }}>{children}</ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
  const view = render(
    <ApiErrorBoundary>
      <Form throwOnError={throwOnError} />
    </ApiErrorBoundary>,
    { wrapper },
  );
  return { ...view, simulator };
}

describe('ApiQueryArea', () => {
  it('is busy with a polite loading text while the read is on its way, then shows the data', async () => {
    const { container } = renderPage(undefined, { answerAfterMs: 1500 });
    const area = container.querySelector('.cae-query');
    expect(area).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('正在加载表单…');
    // Nothing to see at first, so that a fast load does not flash; the shapes come after a moment,
    // and say nothing to a screen reader: the status says it in words.
    expect(container.querySelector('.cae-loading__rows')).toBeNull();
    await waitFor(() =>
      expect(container.querySelector('.cae-loading__rows')).toHaveAttribute('aria-hidden', 'true'),
    );
    expect(screen.getByText('正在加载表单…')).toHaveClass('cae-loading__text');
    expect(await screen.findByText('活动报名表', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(area).not.toHaveAttribute('aria-busy');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it.each(Object.entries(READ_FAILURES))(
    'shows a %s on getTemplate that the query keeps (throwOnError: false) as a focused Result with a way forward',
    async (key, fault) => {
      const { container } = renderPage(fault, { throwOnError: false });
      const headline = await screen.findByRole('heading', { level: 2 }, { timeout: 5000 });
      expect(headline.textContent).not.toBe('');
      await waitFor(() => expect(headline).toHaveFocus());
      expect(container.querySelector('.cae-query')).not.toHaveAttribute('aria-busy');
      expect(container.querySelector(`[data-error-key="${key}"]`)).not.toBeNull();
      const ways = [...screen.queryAllByRole('button'), ...screen.queryAllByRole('link')].filter(
        (element) => element.getAttribute('aria-disabled') !== 'true' && element.tagName !== 'SUMMARY',
      );
      expect(ways.length + screen.queryAllByRole('timer').length).toBeGreaterThan(0);
    },
  );

  it.each(Object.entries(READ_FAILURES))(
    'never shows a %s on getTemplate by nothing in the recipe’s page (the boundary, or the area)',
    async (_key, fault) => {
      renderPage(fault);
      const headline = await screen.findByRole('heading', { level: 2 }, { timeout: 5000 });
      expect(headline).toHaveTextContent(/\S/);
      expect(screen.queryByText('活动报名表')).toBeNull();
    },
  );

  it('sends the read again from its retry, and shows the data once it comes', async () => {
    const { simulator } = renderPage(READ_FAILURES['invalid-response']);
    await screen.findByRole('heading', { level: 2, name: zh.errors['invalid-response'].title });
    expect(simulator.state.forms[0]?.name).toBe('活动报名表');
    await userEvent.click(screen.getByRole('button', { name: zh.actions.retry }));
    expect(await screen.findByText('活动报名表', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('keeps the data shown when a later refetch fails', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const query = {
      data: { name: '活动报名表' },
      error: new Error('refetch failed'),
      failureReason: null,
      fetchStatus: 'idle' as const,
      refetch: async () => undefined,
    };
    render(
      <QueryClientProvider client={queryClient}>
        <ApiErrorsProvider languages={{ zh }}>
          <ApiQueryArea query={query}>{(data) => <p>{data.name}</p>}</ApiQueryArea>
        </ApiErrorsProvider>
      </QueryClientProvider>,
    );
    await act(async () => {});
    expect(screen.getByText('活动报名表')).toBeInTheDocument();
    expect(screen.queryByRole('heading')).toBeNull();
  });
});

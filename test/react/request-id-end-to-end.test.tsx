import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { createApiErrorsI18n, en } from '../../src/i18n/index.js';
import { ApiClientProvider, ApiErrorsProvider, createApiQueryClient } from '../../src/react/index.js';
import { createApiProxy, type ProxyLogEntry } from '../../src/server/index.js';
import { createSimulator, createSimulatorHandlers, defaultSimulatorState } from '../../src/testing/index.js';
import { FormSubmissionPage } from '../../stories/examples/FormSubmissionPage.js';
import { PAGE_TEXTS } from '../../stories/examples/page-texts.js';

const API_KEY = 'sk_live_request_id_e2e_not_shown';
// The simulator stands in for open.cli.im (the proxy's default upstream); it sends no request id,
// so every id is the proxy's own.
const simulator = createSimulator({
  state: { ...defaultSimulatorState(), apiKeys: { [API_KEY]: { write: true } } },
});
const server = setupServer(...createSimulatorHandlers({ simulator }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The form page in a browser, its client calling the app's `/caoliao` route: the real proxy. */
function renderPage() {
  const logs: ProxyLogEntry[] = [];
  const proxy = createApiProxy({
    apiKey: API_KEY,
    allow: 'form',
    limits: { perVisitor: false },
    log: (entry) => logs.push(entry),
  });
  const client = createApiClient({
    baseUrl: '/caoliao',
    fetch: (url, init) => proxy(new Request(new URL(url, 'https://app.example'), init)),
  });
  render(
    <QueryClientProvider client={createApiQueryClient()}>
      <ApiClientProvider client={client}>
        <ApiErrorsProvider i18n={createApiErrorsI18n('en')}>
          <FormSubmissionPage tplId={7001} codeId={8001} texts={PAGE_TEXTS.en} />
        </ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return logs;
}

/** The reference the page shows in sight ("Reference: …"), as a visitor reads it out. */
function referenceInSight(): string {
  const line = screen.getByText(`${en.ui.reference}:`, { exact: false, selector: 'p' });
  return within(line).getByText(/./, { selector: 'code' }).textContent ?? '';
}

/** The reference row of the error's technical details (collapsed, but rendered). */
function referenceInDetails(): string {
  const term = screen.getByText(en.ui.reference, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('one request id from the visitor’s screen to the proxy’s log', () => {
  it('each failed submission’s on-screen reference finds exactly its own proxy log entry', async () => {
    const logs = renderPage();
    const submit = await screen.findByRole('button', { name: PAGE_TEXTS.en.submit }, { timeout: 10_000 });
    await userEvent.type(screen.getByLabelText(/^姓名/), '张三');
    await userEvent.type(screen.getByLabelText(/^手机号/), '13800138000');

    // The same system error twice, for the same answers: two occurrences, two references, each
    // in sight (the page sends the visitor to the organizer with it).
    const references: string[] = [];
    for (const attempt of [1, 2]) {
      simulator.inject({ endpoint: 'addRecord', code: 400, errorCode: 100300 });
      await userEvent.click(submit);
      // Generous deadlines: on a loaded machine the answer takes its time, and the time is not the point.
      const submissions = () => logs.filter(({ endpoint }) => endpoint === 'addRecord');
      await waitFor(() => expect(submissions()).toHaveLength(attempt), { timeout: 10_000 });
      const reference = await waitFor(
        () => {
          const read = referenceInSight();
          expect(read).not.toBe(references.at(-1));
          return read;
        },
        { timeout: 10_000 },
      );
      expect(referenceInDetails()).toBe(reference);
      references.push(reference);
    }
    expect(references[0]).not.toBe(references[1]);
    for (const reference of references) {
      expect(logs.filter((entry) => entry.requestId === reference)).toEqual([
        expect.objectContaining({ endpoint: 'addRecord', outcome: 'forwarded', upstreamStatus: 400 }),
      ]);
    }
    expect(logs.map(({ endpoint }) => endpoint)).toEqual(['getTemplate', 'addRecord', 'addRecord']);
  });
});

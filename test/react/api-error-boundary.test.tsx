import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/core/index.js';
import { createApiErrorsI18n, en, zh } from '../../src/i18n/index.js';
import { ApiErrorBoundary, ApiErrorsProvider, useApiErrorBoundary } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';

function withProviders(children: ReactNode, lng: 'zh' | 'en' = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <ApiErrorsProvider i18n={createApiErrorsI18n(lng)}>{children}</ApiErrorsProvider>
    </QueryClientProvider>
  );
}

function Form({ fetchForm }: { fetchForm: () => Promise<string> }) {
  const { data } = useQuery({ queryKey: ['form'], queryFn: fetchForm, throwOnError: true });
  return <p>{data ?? 'loading'}</p>;
}

function Broken(): ReactNode {
  throw new TypeError('undefined is not a function');
}

function NotFound(): ReactNode {
  throw errorFor('404');
}

function RecordPage({ onReset }: { onReset: () => void }) {
  const [id, setId] = useState(1);
  return (
    <>
      <button type="button" onClick={() => setId(2)}>
        next
      </button>
      <ApiErrorBoundary resetKeys={[id]} onReset={onReset}>
        <RecordView id={id} />
      </ApiErrorBoundary>
    </>
  );
}

function RecordView({ id }: { id: number }) {
  if (id === 1) throw errorFor('100303');
  return <p>record {id}</p>;
}

function Unauthorized({ signedIn }: { signedIn: { current: boolean } }): ReactNode {
  if (!signedIn.current) throw errorFor('401');
  return <p>welcome back</p>;
}

function VerifyButton() {
  const { showBoundary } = useApiErrorBoundary();
  return (
    <button type="button" onClick={() => Promise.reject(errorFor('100319')).catch(showBoundary)}>
      verify
    </button>
  );
}

beforeEach(() => {
  // React logs every caught error; the assertions below are what matters.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('ApiErrorBoundary', () => {
  it('shows the page view of a failing query; "retry" refetches exactly once and shows the data', async () => {
    const fetchForm = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(errorFor('502'))
      .mockResolvedValue('入职登记表');
    const onError = vi.fn();
    render(
      withProviders(
        <ApiErrorBoundary onError={onError}>
          <Form fetchForm={fetchForm} />
        </ApiErrorBoundary>,
        'zh',
      ),
    );

    const heading = await screen.findByRole('heading', { name: zh.errors[502].title });
    expect(heading).toHaveFocus();
    expect(fetchForm).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 502 });

    await userEvent.click(screen.getByRole('button', { name: zh.actions.retry }));

    expect(await screen.findByText('入职登记表')).toBeInTheDocument();
    expect(fetchForm).toHaveBeenCalledTimes(2);
  });

  it('gives errors that are not ApiError a generic localized screen', () => {
    render(
      withProviders(
        <ApiErrorBoundary>
          <Broken />
        </ApiErrorBoundary>,
      ),
    );
    expect(screen.getByRole('heading', { name: en.errors.unknown.title })).toBeInTheDocument();
  });

  it('renders exactly the fallback it is given, with the error as an ApiError', () => {
    const { container, unmount } = render(
      withProviders(
        <ApiErrorBoundary fallback={<p>plain</p>}>
          <p>children</p>
          <NotFound />
        </ApiErrorBoundary>,
      ),
    );
    expect(container.innerHTML).toBe('<p>plain</p>');
    unmount();
    const rendered = render(
      withProviders(
        <ApiErrorBoundary
          fallbackRender={({ error }) => <p>{error instanceof ApiError && error.code} via render</p>}
        >
          <p>children</p>
          <NotFound />
        </ApiErrorBoundary>,
      ),
    );
    expect(rendered.container.innerHTML).toBe('<p>404 via render</p>');
  });

  it('resets when a reset key changes, and tells onReset why', async () => {
    const onReset = vi.fn();
    render(withProviders(<RecordPage onReset={onReset} />));
    expect(screen.getByRole('heading', { name: en.errors[100303].title })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    expect(screen.getByText('record 2')).toBeInTheDocument();
    expect(onReset).toHaveBeenCalledWith({ reason: 'keys', prev: [1], next: [2] });
  });

  it('renders the children again once a reconnect completes (a 401 has no retry of its own)', async () => {
    const signedIn = { current: false };
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ApiErrorsProvider
          i18n={createApiErrorsI18n('en')}
          onReauthenticate={async () => {
            signedIn.current = true;
          }}
        >
          <ApiErrorBoundary>
            <Unauthorized signedIn={signedIn} />
          </ApiErrorBoundary>
        </ApiErrorsProvider>
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: en.actions.reauthenticate }));
    expect(await screen.findByText('welcome back')).toBeInTheDocument();
  });

  it('shows errors from event handlers through useApiErrorBoundary().showBoundary', async () => {
    render(
      withProviders(
        <ApiErrorBoundary>
          <VerifyButton />
        </ApiErrorBoundary>,
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'verify' }));
    expect(await screen.findByRole('heading', { name: en.errors[100319].title })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.actions.retry_100319 }));
    expect(screen.getByRole('button', { name: 'verify' })).toBeInTheDocument();
  });
});

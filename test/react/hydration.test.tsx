import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { type ReactElement, type ReactNode, Suspense } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, ERROR_KEYS } from '../../src/core/index.js';
import { createApiErrorsI18n, en, zh as zhTexts } from '../../src/i18n/index.js';
import { ApiErrorBoundary, ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

/**
 * Renders on the "server", then hydrates on the client. `render` is called once for each, as a
 * real app does: the client rebuilds its own objects (a new `ApiError` with the same fields).
 */
async function hydrate(render: () => ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(render());
  const element = render();
  document.body.append(container);
  const problems: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(args));
  const root = await act(async () =>
    hydrateRoot(container, element, { onRecoverableError: (error) => problems.push(error) }),
  );
  consoleError.mockRestore();
  act(() => root.unmount());
  container.remove();
  return problems;
}

function RenderedTwice(): ReactElement {
  return <p>{typeof window === 'undefined' || rendered++ === 0 ? 'server' : 'client'}</p>;
}
let rendered = 0;

describe('server-rendered views hydrate without a mismatch', () => {
  it('(the check itself notices a mismatch)', async () => {
    rendered = 0;
    expect(await hydrate(() => <RenderedTwice />)).not.toEqual([]);
  });

  const zh = createApiErrorsI18n('zh');
  it.each(ERROR_KEYS.filter((key) => key !== '0'))('%s (two objects with the same fields)', async (key) => {
    const error = () =>
      errorForKey(key, { retryAfterMs: 4000, detail: 'detail', endpoint: '/api/v2/rpc/record/addRecord' });
    for (const variant of ['page', 'result', 'inline'] as const) {
      // No handlers: the built-in fallbacks (reference, contact, back) must hydrate too.
      const problems = await hydrate(() => (
        <ApiErrorsProvider i18n={zh}>
          <ApiErrorView error={error()} variant={variant} write={variant !== 'page'} />
        </ApiErrorsProvider>
      ));
      expect(problems).toEqual([]);
    }
  });

  it('shows the request id as the reference, the same on both sides (the error rebuilt from its JSON)', async () => {
    const sent = errorForKey('100300', { requestId: '3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f' });
    const view = () => (
      <ApiErrorsProvider i18n={zh}>
        <ApiErrorView error={new ApiError(JSON.parse(JSON.stringify(sent)))} write />
      </ApiErrorsProvider>
    );
    expect(await hydrate(view)).toEqual([]);
    expect(renderToString(view())).toContain(
      '<code class="cae-error__code">3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f</code>',
    );
  });

  it('also with only the provider’s languages, on a page whose language is Chinese', async () => {
    document.documentElement.lang = 'zh-CN';
    try {
      const view = () => (
        <ApiErrorsProvider languages={{ zh: zhTexts, en }}>
          <ApiErrorView error={errorForKey('502')} />
        </ApiErrorsProvider>
      );
      expect(await hydrate(view)).toEqual([]);
    } finally {
      document.documentElement.lang = '';
    }
  });
});

function Thrower(): ReactNode {
  throw errorForKey('404');
}

describe('a boundary whose children throw while the server renders', () => {
  // React does not catch on the server: it leaves the nearest Suspense boundary to the client,
  // which renders it again; there the error boundary catches and shows its fallback.
  it.each([
    ['its own fallback', <p key="own">plain fallback</p>, 'plain fallback'],
    ['the localized page view by default', undefined, zhTexts.errors[404].title],
  ])('shows %s once hydrated, never the children', async (_, fallback, shown) => {
    const page = () => (
      <QueryClientProvider client={new QueryClient()}>
        <ApiErrorsProvider i18n={createApiErrorsI18n('zh')}>
          <Suspense fallback={<p>loading</p>}>
            {fallback === undefined ? (
              <ApiErrorBoundary>
                <Thrower />
                <p>children</p>
              </ApiErrorBoundary>
            ) : (
              <ApiErrorBoundary fallback={fallback}>
                <Thrower />
                <p>children</p>
              </ApiErrorBoundary>
            )}
          </Suspense>
        </ApiErrorsProvider>
      </QueryClientProvider>
    );
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const container = document.createElement('div');
    container.innerHTML = renderToString(page());
    expect(container).toHaveTextContent('loading');
    document.body.append(container);
    const root = await act(async () => hydrateRoot(container, page(), { onRecoverableError: () => {} }));
    expect(container).toHaveTextContent(shown);
    expect(container).not.toHaveTextContent('children');
    expect(container).not.toHaveTextContent('loading');
    act(() => root.unmount());
    container.remove();
    consoleError.mockRestore();
  });
});

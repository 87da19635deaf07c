// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ERROR_KEYS } from '../../src/core/index.js';
import { createApiErrorsI18n, en, zh, zhHant } from '../../src/i18n/index.js';
import {
  ApiErrorBoundary,
  ApiErrorSummary,
  ApiErrorsProvider,
  ApiErrorView,
  RetryCountdown,
  useApiErrorText,
  useFieldErrors,
} from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';

function Thrower(): ReactNode {
  throw errorFor('404');
}

function Headline({ error }: { error: unknown }) {
  return <p>{useApiErrorText(error).title}</p>;
}

describe('on the server (no window, no document)', () => {
  it('has no DOM to touch', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each(ERROR_KEYS.filter((key) => key !== '0'))(
    'renders %s in both variants and both languages',
    (key) => {
      for (const [lng, texts] of [
        ['zh', zh],
        ['en', en],
      ] as const) {
        for (const variant of ['page', 'inline'] as const) {
          const html = renderToString(
            <ApiErrorsProvider i18n={createApiErrorsI18n(lng)} onRetry={() => {}}>
              <ApiErrorView error={errorFor(key, { retryAfterMs: 3000 })} variant={variant} write />
            </ApiErrorsProvider>,
          );
          const { title, title_write } = texts.errors[key];
          expect(html).toContain(title_write ?? title);
        }
      }
    },
  );

  it('renders with the provider’s languages and no i18next instance, in English (no page language yet)', () => {
    const withTexts = (children: ReactNode) =>
      renderToString(<ApiErrorsProvider languages={{ zh, en }}>{children}</ApiErrorsProvider>);
    expect(withTexts(<ApiErrorView error={errorFor('100329')} />)).toContain(en.errors[100329].title);
    expect(withTexts(<Headline error={errorFor('502')} />)).toContain(en.errors[502].title);
    expect(
      withTexts(<RetryCountdown error={errorFor('429', { retryAfterMs: 2000 })} onRetry={() => {}} />),
    ).toContain('Trying again in 2 s');
  });

  it('renders the language the provider is given, or its only language, with no page to read', () => {
    const view = <ApiErrorView error={errorFor('100329')} />;
    const all = { zh, 'zh-Hant': zhHant, en };
    for (const [language, texts] of [
      ['zh-CN', zh],
      ['zh-HK', zhHant],
      ['en-US', en],
    ] as const) {
      const html = renderToString(
        <ApiErrorsProvider languages={all} language={language}>
          {view}
        </ApiErrorsProvider>,
      );
      expect(html, language).toContain(texts.errors[100329].title);
    }
    expect(renderToString(<ApiErrorsProvider languages={{ zh }}>{view}</ApiErrorsProvider>)).toContain(
      zh.errors[100329].title,
    );
  });

  it('renders a boundary’s children on the server, and leaves a throw to the client', () => {
    // React falls back to client rendering for errors thrown while rendering on the server (the
    // fallback after hydration is checked in hydration.test.tsx); the boundary itself must render
    // on the server without touching the DOM.
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <ApiErrorBoundary>
          <p>ok</p>
        </ApiErrorBoundary>
      </QueryClientProvider>,
    );
    expect(html).toBe('<p>ok</p>');
    expect(() =>
      renderToString(<ApiErrorBoundary fallback={<p>x</p>}>{<Thrower />}</ApiErrorBoundary>),
    ).toThrow();
  });

  it('renders an error summary without its "错误：" title, which is the browser’s business', () => {
    // A document whose title records every write: the server's render must make none.
    const titles: string[] = [];
    const page = {
      get title() {
        return '春季开放日报名';
      },
      set title(title: string) {
        titles.push(title);
      },
    };
    Object.defineProperty(globalThis, 'document', { value: page, configurable: true });
    try {
      const html = renderToString(
        <ApiErrorsProvider languages={{ zh }}>
          <Summary error={errorFor('100308', { detail: 'required: 7101' })} />
        </ApiErrorsProvider>,
      );
      expect(html).toContain(zh.fields.required.replace('{{label}}', ''));
      expect(html).not.toContain(zh.fields.prefix);
      expect(titles).toEqual([]);
    } finally {
      Reflect.deleteProperty(globalThis, 'document');
    }
  });
});

function Summary({ error }: { error: unknown }) {
  return <ApiErrorSummary fieldErrors={useFieldErrors(error, { fieldIds: [7101] })} />;
}

import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, ERROR_CATALOG, ERROR_KEYS } from '../../src/core/index.js';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const LANGUAGES = [
  ['zh', zh],
  ['en', en],
] as const;

describe.each(LANGUAGES)('every key in %s', (lng, texts) => {
  it.each(ERROR_KEYS.filter((key) => key !== '0'))('%s renders its own headline and description', (key) => {
    for (const variant of ['page', 'inline'] as const) {
      const { container, unmount } = renderIn(lng, <ApiErrorView error={errorFor(key)} variant={variant} />);
      const view = container.querySelector(`[data-error-key="${key}"]`) as HTMLElement;
      expect(view).not.toBeNull();
      expect(within(view).getByText(texts.errors[key].title)).toBeVisible();
      expect(within(view).getByText(texts.errors[key].description)).toBeInTheDocument();
      if (variant === 'page')
        expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(texts.errors[key].title);
      unmount();
    }
  });
});

describe('ApiErrorView', () => {
  it('renders server text containing HTML as literal text', () => {
    const html = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { container } = renderIn(
      'en',
      <ApiErrorView
        error={errorFor('100300', { serverMessage: html, detail: `<script>alert(2)</script>` })}
      />,
    );
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(screen.getByText(html)).toBeInTheDocument();
    expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument();
  });

  it('shows a button only for actions that have a handler, labelled with what it does', async () => {
    const onReauthenticate = vi.fn();
    renderIn('zh', <ApiErrorView error={errorFor('401')} />, { onReauthenticate });
    expect(screen.queryByRole('button', { name: zh.actions['contact-support'] })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: zh.actions.reauthenticate }));
    expect(onReauthenticate).toHaveBeenCalledTimes(1);
    expect(onReauthenticate.mock.calls[0]?.[0]).toBeInstanceOf(ApiError);
  });

  it('lets the view’s own handlers override the provider’s', async () => {
    const fromProvider = vi.fn();
    const fromView = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('502')} onRetry={fromView} />, { onRetry: fromProvider });
    await userEvent.click(screen.getByRole('button', { name: en.actions.retry }));
    expect(fromView).toHaveBeenCalledTimes(1);
    expect(fromProvider).not.toHaveBeenCalled();
  });

  it('moves focus to the headline of a page view, not of an inline one', () => {
    const { unmount } = renderIn('en', <ApiErrorView error={errorFor('404')} />);
    expect(screen.getByRole('heading', { name: en.errors[404].title })).toHaveFocus();
    unmount();
    renderIn('en', <ApiErrorView error={errorFor('100308')} />);
    expect(document.body).toHaveFocus();
  });

  it('makes a page that only an action gets past an alertdialog, labelled and described', () => {
    const { unmount } = renderIn('en', <ApiErrorView error={errorFor('401')} />, {
      onReauthenticate: () => {},
    });
    const dialog = screen.getByRole('alertdialog', { name: en.errors[401].title });
    expect(dialog).toHaveAccessibleDescription(en.errors[401].description);
    expect(within(dialog).getByRole('heading')).toHaveFocus();
    unmount();
    renderIn('en', <ApiErrorView error={errorFor('404')} />, { onGoBack: () => {} });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('keeps an inline live region in place before the error comes', () => {
    const { rerender, container } = renderIn('en', <ApiErrorView error={null} write />);
    const region = screen.getByRole('alert');
    expect(region).toBeEmptyDOMElement();
    rerender(<ApiErrorView error={errorFor('100308')} write />);
    expect(screen.getByRole('alert')).toBe(region);
    expect(region).toHaveTextContent(en.errors[100308].title);
    rerender(<ApiErrorView error={errorFor('100322')} />);
    expect(container.querySelector('[role="status"]')).toHaveTextContent(en.errors[100322].title);
  });

  it('tells the truth about a write that may have been stored: the copy and the (secondary) resend agree', async () => {
    const onRetry = vi.fn();
    const { unmount } = renderIn('zh', <ApiErrorView error={errorFor('502')} write onRetry={onRetry} />);
    expect(screen.getByText(zh.errors[502].title_write as string)).toBeInTheDocument();
    expect(screen.getByText(zh.errors[502].description_write as string)).toBeInTheDocument();
    const resend = screen.getByRole('button', { name: zh.actions.retry_ambiguous });
    expect(resend).not.toHaveClass('cae-button--primary');
    expect(screen.queryByRole('button', { name: zh.actions.retry })).toBeNull();
    await userEvent.click(resend);
    expect(onRetry).toHaveBeenCalledTimes(1);
    unmount();
    // A read that failed the same way stored nothing: its retry leads.
    renderIn('zh', <ApiErrorView error={errorFor('502')} variant="inline" onRetry={() => {}} />);
    expect(screen.getByRole('button', { name: zh.actions.retry })).toHaveClass('cae-button--primary');
    expect(screen.queryByText(zh.errors[502].title_write as string)).toBeNull();
  });

  it('shows the number of a code the catalog does not know yet', () => {
    renderIn('en', <ApiErrorView error={new ApiError({ kind: 'api', code: 418 })} />);
    expect(screen.getByText('Error 418')).toBeInTheDocument();
    expect(screen.getByText(en.errors.unknown.title)).toBeInTheDocument();
  });

  it('gives anything thrown a localized screen, never a blank one', () => {
    renderIn('zh', <ApiErrorView error={new Error('boom')} variant="page" />);
    expect(screen.getByRole('heading')).toHaveTextContent(zh.errors.unknown.title);
  });

  it('puts code, error_code, message_detail, endpoint and a reference in the collapsible details', async () => {
    const error = errorFor('100309', {
      detail: 'field 7 is not a phone number',
      endpoint: '/api/v2/rpc/record/addRecord',
    });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = renderIn('en', <ApiErrorView error={error} />);
    const details = container.querySelector('details') as HTMLElement;
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getAllByText('400')).toHaveLength(2); // code and HTTP status
    for (const text of ['100309', 'field 7 is not a phone number', '/api/v2/rpc/record/addRecord']) {
      expect(within(details).getByText(text)).toBeInTheDocument();
    }
    expect(within(details).getByText(/^100309-/)).toBeInTheDocument();
    await userEvent.click(within(details).getByRole('button', { name: en.ui.copy }));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/Reference: 100309-.*\nCode: 400\nError code: 100309/s);
    expect(within(details).getByRole('button', { name: en.ui.copied })).toBeInTheDocument();
  });

  it('uses a provider’s component for a key', () => {
    renderIn('en', <ApiErrorView error={errorFor('100320')} />, {
      components: { 100320: ({ description }) => <p>custom {description.key}</p> },
    });
    expect(screen.getByText('custom 100320')).toBeInTheDocument();
  });

  it('keeps a failed write beside the form, whatever its scope (ApiErrorArea takes those that end it)', () => {
    for (const key of ['502', '401', '100313'] as const) {
      const { container, unmount } = renderIn('en', <ApiErrorView error={errorFor(key)} write />);
      expect(container.querySelector('.cae-error--inline'), key).not.toBeNull();
      expect(document.body).toHaveFocus();
      unmount();
    }
  });

  it('keeps the reference in sight where the text sends the person to support, with the language’s colon, unbroken', () => {
    const { container, unmount } = renderIn('zh', <ApiErrorView error={errorFor('100300')} />);
    const line = container.querySelector('.cae-error__reference');
    expect(line).toHaveTextContent(/^问题编号：100300-[0-9A-Z]{7}$/);
    expect(line?.querySelector('code.cae-error__code')).toHaveTextContent(/^100300-[0-9A-Z]{7}$/);
    unmount();
    renderIn('en', <ApiErrorView error={errorFor('100300')} />);
    expect(document.querySelector('.cae-error__reference')).toHaveTextContent(/^Reference: 100300-/);
  });

  it('defaults to the catalog’s scope', () => {
    const { container } = renderIn('en', <ApiErrorView error={errorFor('100304')} />);
    expect(container.querySelector('.cae-error--page')).not.toBeNull();
    expect(ERROR_CATALOG['100304'].scope).toBe('page');
  });
});

describe('the provider’s languages', () => {
  it('follow the page language without any i18next instance of the host', async () => {
    render(
      <ApiErrorsProvider languages={{ zh, en }}>
        <ApiErrorView error={errorFor('100306')} />
      </ApiErrorsProvider>,
    );
    expect(screen.getByText(en.errors[100306].title)).toBeInTheDocument();
    await act(async () => document.documentElement.setAttribute('lang', 'zh-CN'));
    try {
      expect(screen.getByText(zh.errors[100306].title)).toBeInTheDocument();
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('with one language given, show it whatever the page language', () => {
    render(
      <ApiErrorsProvider languages={{ zh }}>
        <ApiErrorView error={errorFor('100313')} />
      </ApiErrorsProvider>,
    );
    expect(document.documentElement.lang).toBe('');
    expect(screen.getByText(zh.errors[100313].title)).toBeInTheDocument();
  });

  it('without any texts, still render the view and tell the developer once how to add them', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      render(<ApiErrorView error={errorFor('502')} />);
      render(<ApiErrorView error={errorFor('429')} />);
      expect(screen.getAllByRole('heading')[0]).toHaveTextContent('errors.502.title');
      expect(consoleError).toHaveBeenCalledTimes(1);
      expect(String(consoleError.mock.calls[0]?.[0])).toContain('<ApiErrorsProvider languages={{ zh, en }}>');
    } finally {
      consoleError.mockRestore();
    }
  });
});

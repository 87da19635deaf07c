import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { API_ERRORS_NS, addApiErrorResources, en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { ApiErrorsProvider as ReactI18nextProvider } from '../../src/react/provider/react-i18next-provider.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';

// Hosts that use i18next keep today's integration: our texts in their instance, their own texts
// under our namespace winning. The main entry needs no i18next: the instance is the provider's
// `i18n`, or the host's react-i18next instance through `caoliao-api-errors/react-i18next`.

describe('caoliao-api-errors/react-i18next: the host’s react-i18next instance, picked up', () => {
  it('uses the texts added with addApiErrorResources and follows its language changes', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'en-GB', resources: { en: { app: { hello: 'Hello' } } } });
    addApiErrorResources(host);
    render(
      <I18nextProvider i18n={host}>
        <ReactI18nextProvider>
          <ApiErrorView error={errorFor('100320')} />
        </ReactI18nextProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(en.errors[100320].title)).toBeInTheDocument();
    expect(host.hasResourceBundle('en-GB', API_ERRORS_NS)).toBe(false); // read, never added to
    await act(() => host.changeLanguage('zh-CN'));
    expect(screen.getByText(zh.errors[100320].title)).toBeInTheDocument();
    await act(() => host.changeLanguage('zh-TW'));
    expect(screen.getByText(zhHant.errors[100320].title)).toBeInTheDocument();
  });

  it('never changes the host’s instance while rendering, under StrictMode and across a language change', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'zh-CN', supportedLngs: ['zh-CN', 'en-US'], fallbackLng: 'en-US', resources: {} });
    const before = JSON.stringify(host.store.data);
    const added = vi.spyOn(host, 'addResourceBundle');
    render(
      <StrictMode>
        <I18nextProvider i18n={host}>
          <ReactI18nextProvider languages={{ zh, en }}>
            <ApiErrorView error={errorFor('100327')} />
          </ReactI18nextProvider>
        </I18nextProvider>
      </StrictMode>,
    );
    expect(screen.getByText(zh.errors[100327].title)).toBeInTheDocument();
    await act(() => host.changeLanguage('en-US'));
    expect(screen.getByText(en.errors[100327].title)).toBeInTheDocument();
    expect(added).not.toHaveBeenCalled();
    expect(JSON.stringify(host.store.data)).toBe(before);
  });

  it('shows the host’s own texts for our keys, under its regional code or ours, over the provider’s', async () => {
    const host = i18next.createInstance();
    await host.init({
      lng: 'zh-CN',
      resources: {
        zh: { [API_ERRORS_NS]: { actions: { retry: '再来一次' } } },
        'zh-CN': { [API_ERRORS_NS]: { errors: { 502: { title: '服务器正忙，<稍后>再试' } } } },
      },
    });
    render(
      <I18nextProvider i18n={host}>
        <ReactI18nextProvider languages={{ zh, en }}>
          <ApiErrorView error={errorFor('502')} variant="page" onRetry={() => {}} />
        </ReactI18nextProvider>
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent(/^服务器正忙，<稍后>再试$/);
    expect(screen.getByRole('button', { name: '再来一次' })).toBeInTheDocument();
    expect(screen.getByText(zh.errors[502].description)).toBeInTheDocument(); // the rest is ours
  });

  it('keeps the host’s own texts when it adds ours with addApiErrorResources', async () => {
    const host = i18next.createInstance();
    await host.init({
      lng: 'zh',
      resources: { zh: { [API_ERRORS_NS]: { actions: { retry: '再来一次' } } } },
    });
    addApiErrorResources(host);
    render(
      <I18nextProvider i18n={host}>
        <ReactI18nextProvider>
          <ApiErrorView error={errorFor('502')} variant="page" onRetry={() => {}} />
        </ReactI18nextProvider>
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: '再来一次' })).toBeInTheDocument();
    expect(screen.getByRole('heading')).toHaveTextContent(zh.errors[502].title);
  });

  it('reaches the texts also when the host supports only regional codes', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'zh-CN', supportedLngs: ['zh-CN', 'en-US'], fallbackLng: 'en-US', resources: {} });
    render(
      <I18nextProvider i18n={host}>
        <ReactI18nextProvider languages={{ zh, en }}>
          <ApiErrorView error={errorFor('100327')} />
        </ReactI18nextProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(zh.errors[100327].title)).toBeInTheDocument();
  });

  it('with `language` given, leaves the host’s instance alone', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'en', resources: {} });
    render(
      <I18nextProvider i18n={host}>
        <ReactI18nextProvider languages={{ zh, en }} language="zh-CN">
          <ApiErrorView error={errorFor('100327')} />
        </ReactI18nextProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(zh.errors[100327].title)).toBeInTheDocument();
  });

  it('without an I18nextProvider, uses the instance initReactI18next registered', async () => {
    const host = i18next.createInstance();
    await host.use(initReactI18next).init({ lng: 'zh-TW', resources: {} });
    addApiErrorResources(host);
    render(
      <ReactI18nextProvider>
        <ApiErrorView error={errorFor('100320')} />
      </ReactI18nextProvider>,
    );
    expect(screen.getByText(zhHant.errors[100320].title)).toBeInTheDocument();
  });
});

describe('the main entry’s provider with the host’s instance as `i18n` (no react-i18next needed)', () => {
  it('follows the instance’s language, and the host’s own texts under our namespace win over ours', async () => {
    const host = i18next.createInstance();
    await host.init({
      lng: 'en-US',
      resources: { en: { [API_ERRORS_NS]: { errors: { 502: { title: 'Our servers are busy' } } } } },
    });
    render(
      <ApiErrorsProvider i18n={host} languages={{ zh, en }}>
        <ApiErrorView error={errorFor('502')} variant="page" />
      </ApiErrorsProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent(/^Our servers are busy$/);
    expect(screen.getByText(en.errors[502].description)).toBeInTheDocument();
    await act(() => host.changeLanguage('zh-CN'));
    expect(screen.getByRole('heading')).toHaveTextContent(zh.errors[502].title);
  });
});

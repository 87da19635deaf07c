import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useMemo } from 'react';
import { createApiClient } from '../src/client/index.js';
import { createApiErrorsI18n } from '../src/i18n/index.js';
import { ApiClientProvider, ApiErrorsProvider } from '../src/react/index.js';
import '../src/styles.css';
import { applyTheme, PAGE_LANGUAGE, toStoryLocale } from './theme.js';

/** The stories call a same-origin "proxy" that the simulator answers: no key, no network. */
export const STORY_BASE_URL = '/caoliao';

const withProviders: Decorator = (Story, { globals }) => {
  const locale = toStoryLocale(globals.locale);
  const i18n = useMemo(() => createApiErrorsI18n(locale), [locale]);
  // One QueryClient and one ApiClient per story: a shared cache or rate-limit gate leaks between stories.
  const [queryClient, client] = useMemo(
    () => [
      new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } }),
      createApiClient({ baseUrl: STORY_BASE_URL, idempotencyKeys: true }),
    ],
    [],
  );
  document.documentElement.lang = PAGE_LANGUAGE[locale];
  applyTheme(globals.theme === 'dark' ? 'dark' : 'light');
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <ApiErrorsProvider i18n={i18n}>
          <Story />
        </ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the page and of the error texts',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'zh', title: '简体中文' },
          { value: 'zh-Hant', title: '繁體中文' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The host page’s theme (dark is an opt-in of the host)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh', theme: 'light' },
  decorators: [withProviders],
  loaders: [mswLoader()],
  parameters: {
    layout: 'fullscreen',
    // Every story is also an accessibility test: a violation fails it.
    a11y: { test: 'error' },
    // Each docs story in its own iframe, with its own MSW handlers.
    docs: { story: { inline: false, iframeHeight: 520 } },
  },
  tags: ['autodocs'],
};

export default preview;

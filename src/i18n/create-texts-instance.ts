import i18next, { type Resource } from 'i18next';
import type { I18nextInstance } from './i18next-instance.js';
import { API_ERRORS_NS, type ApiErrorsLanguage, FALLBACK_LANGUAGES } from './instance.js';

/**
 * @internal An i18next instance of its own in `lng`, with `resources`. The one module that needs
 * i18next at run time, built as a file of its own, so that a bundle which imports only `{ zh }`
 * from `caoliao-api-errors/i18n` leaves it, and i18next, out.
 */
export function createTextsInstance(
  lng: ApiErrorsLanguage,
  resources: Record<string, Record<typeof API_ERRORS_NS, object>>,
): I18nextInstance {
  const instance = i18next.createInstance();
  instance.init({
    lng,
    fallbackLng: [...FALLBACK_LANGUAGES[lng]],
    supportedLngs: ['zh', 'zh-Hant', 'en'],
    nonExplicitSupportedLngs: true,
    ns: [API_ERRORS_NS],
    defaultNS: API_ERRORS_NS,
    // Our texts are interfaces, which i18next's index-signed `Resource` does not take as they are.
    resources: resources as Resource,
    // React escapes what it renders; our texts interpolate only numbers and the person's own words.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

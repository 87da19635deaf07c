import i18next, { type i18n } from 'i18next';
import type { ApiErrorsResource } from './resource.js';

/** The i18next namespace of this library's texts. */
export const API_ERRORS_NS = 'caoliao-api-errors';

/** The languages this library speaks. */
export type ApiErrorsLanguage = 'zh' | 'en';

/**
 * The texts to use, per language: both (`{ zh, en }`) or only the one your app speaks (`{ zh }`),
 * so that a bundler leaves the other out.
 */
export type ApiErrorsLanguages = Partial<Record<ApiErrorsLanguage, ApiErrorsResource>>;

/**
 * Maps any language tag to one this library speaks: every Chinese tag (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-TW`, `zh_HK` …) to `zh`, everything else to `en`.
 * @example toApiErrorsLanguage('zh-Hant-TW') // 'zh'
 */
export function toApiErrorsLanguage(tag: string | null | undefined): ApiErrorsLanguage {
  return /^zh(?:$|[-_])/i.test(tag?.trim() ?? '') ? 'zh' : 'en';
}

/** @internal A private i18next instance in `lng` with the given texts (none: they are added later). */
export function createTextsInstance(lng: ApiErrorsLanguage, languages: ApiErrorsLanguages = {}): i18n {
  const instance = i18next.createInstance();
  instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['zh', 'en'],
    nonExplicitSupportedLngs: true,
    ns: [API_ERRORS_NS],
    defaultNS: API_ERRORS_NS,
    resources: Object.fromEntries(
      Object.entries(languages).map(([language, texts]) => [language, { [API_ERRORS_NS]: texts }]),
    ),
    // React escapes what it renders; our texts interpolate only numbers.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

import i18next, { type i18n } from 'i18next';
import { en } from './en.js';
import type { ApiErrorsResource } from './resource.js';
import { zh } from './zh.js';

export { en } from './en.js';
export type { ApiErrorsResource, ErrorText, UiText } from './resource.js';
export { zh } from './zh.js';

/** The i18next namespace of this library's texts. */
export const API_ERRORS_NS = 'caoliao-api-errors';

/** The languages this library speaks. */
export type ApiErrorsLanguage = 'zh' | 'en';

/** Both languages, keyed as i18next expects them: `resources[lng][API_ERRORS_NS]`. */
export const resources: Record<ApiErrorsLanguage, Record<typeof API_ERRORS_NS, ApiErrorsResource>> = {
  zh: { [API_ERRORS_NS]: zh },
  en: { [API_ERRORS_NS]: en },
};

/**
 * Maps any language tag to one this library speaks: every Chinese tag (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-TW`, `zh_HK` …) to `zh`, everything else to `en`.
 * @example toApiErrorsLanguage('zh-Hant-TW') // 'zh'
 */
export function toApiErrorsLanguage(tag: string | null | undefined): ApiErrorsLanguage {
  return /^zh(?:$|[-_])/i.test(tag?.trim() ?? '') ? 'zh' : 'en';
}

/**
 * Adds this library's namespace to the host's i18next instance, for both languages. It calls
 * neither `init` nor `use`, and leaves the host's own texts alone (existing keys win, so a host
 * can override any text by adding its own bundle first).
 * @example
 * i18n.use(initReactI18next).init({ lng: 'zh-CN', resources: myResources });
 * addApiErrorResources(i18n);
 */
export function addApiErrorResources(instance: i18n): void {
  for (const lng of Object.keys(resources) as ApiErrorsLanguage[]) {
    instance.addResourceBundle(lng, API_ERRORS_NS, resources[lng][API_ERRORS_NS], true, false);
  }
}

/**
 * A private i18next instance with this library's texts, for hosts that don't use i18next.
 * Without `lng`, the page's language (`<html lang>`, then the browser's) decides.
 * @example <ApiErrorsProvider i18n={createApiErrorsI18n('zh')}>…</ApiErrorsProvider>
 */
export function createApiErrorsI18n(lng?: string): i18n {
  const instance = i18next.createInstance();
  instance.init({
    lng: toApiErrorsLanguage(lng ?? pageLanguage()),
    fallbackLng: 'en',
    supportedLngs: ['zh', 'en'],
    nonExplicitSupportedLngs: true,
    ns: [API_ERRORS_NS],
    defaultNS: API_ERRORS_NS,
    resources,
    // React escapes what it renders; our texts interpolate only numbers.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

function pageLanguage(): string | undefined {
  if (typeof document !== 'undefined' && document.documentElement.lang) return document.documentElement.lang;
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

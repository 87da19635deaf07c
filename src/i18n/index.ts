import type { i18n } from 'i18next';
import { en } from './en.js';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  createTextsInstance,
  toApiErrorsLanguage,
} from './instance.js';
import type { ApiErrorsResource } from './resource.js';
import { zh } from './zh.js';
import { zhHant } from './zh-hant.js';

export { en } from './en.js';
export {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  type ApiErrorsTextsByLanguage,
  toApiErrorsLanguage,
} from './instance.js';
export type { ApiErrorsAudience, ApiErrorsResource } from './resource.js';
export { zh } from './zh.js';
export { zhHant } from './zh-hant.js';

/** Every language, keyed as i18next expects them: `resources[lng][API_ERRORS_NS]`. */
export const resources: Record<ApiErrorsLanguage, Record<typeof API_ERRORS_NS, ApiErrorsResource>> = {
  zh: { [API_ERRORS_NS]: zh },
  'zh-Hant': { [API_ERRORS_NS]: zhHant },
  en: { [API_ERRORS_NS]: en },
};

/**
 * Adds this library's namespace to the host's i18next instance, for every language. It calls
 * neither `init` nor `use`, and leaves the host's own texts alone (existing keys win, so a host
 * can override any text by adding its own bundle first). For one language only, add just that
 * bundle, so that your bundler leaves the others out: `i18n.addResourceBundle('zh', API_ERRORS_NS, zh)`.
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
 * A private i18next instance with every language's texts, for hosts that don't use i18next.
 * Without `lng`, the page's language (`<html lang>`, then the browser's) decides. (With one
 * language, `<ApiErrorsProvider languages={{ zh }}>` needs no instance at all.)
 * @example <ApiErrorsProvider i18n={createApiErrorsI18n('zh-TW')}>…</ApiErrorsProvider>
 */
export function createApiErrorsI18n(lng?: string): i18n {
  return createTextsInstance(toApiErrorsLanguage(lng ?? pageLanguage()), { zh, 'zh-Hant': zhHant, en });
}

function pageLanguage(): string | undefined {
  if (typeof document !== 'undefined' && document.documentElement.lang) return document.documentElement.lang;
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

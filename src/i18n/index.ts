import { createTextsInstance } from './create-texts-instance.js';
import { resources } from './every-language.js';
import type { I18nextInstance } from './i18next-instance.js';
import { API_ERRORS_NS, type ApiErrorsLanguage, toApiErrorsLanguage } from './instance.js';

export { en, enStaff } from './en.js';
export { resources } from './every-language.js';
export type { I18nextInstance } from './i18next-instance.js';
export {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  type ApiErrorsTextsByLanguage,
  toApiErrorsLanguage,
} from './instance.js';
export type { ApiErrorsAudience, ApiErrorsResource } from './resource.js';
export { zh, zhStaff } from './zh.js';
export { zhHant, zhHantStaff } from './zh-hant.js';

/**
 * Adds this library's namespace to the host's i18next instance, for every language. It calls
 * neither `init` nor `use`, and leaves the host's own texts alone (existing keys win, so a host
 * can override any text by adding its own bundle first). Each language is complete (the staff's
 * variants too). For one language only, add just that bundle, so that your bundler leaves the others
 * out: `i18n.addResourceBundle('zh', API_ERRORS_NS, zhStaff)` (`zh` alone on a visitor's page).
 * @example
 * i18n.use(initReactI18next).init({ lng: 'zh-CN', resources: myResources });
 * addApiErrorResources(i18n);
 */
export function addApiErrorResources(instance: I18nextInstance): void {
  for (const lng of Object.keys(resources) as ApiErrorsLanguage[]) {
    instance.addResourceBundle(lng, API_ERRORS_NS, resources[lng][API_ERRORS_NS], true, false);
  }
}

/**
 * A private i18next instance with every language's texts, for hosts that want one without an
 * i18next setup of their own (it needs i18next installed). Without `lng`, the page's language
 * (`<html lang>`, then the browser's) decides. Without i18next, `<ApiErrorsProvider languages={{ zh, en }}>`
 * does the same.
 * @example <ApiErrorsProvider i18n={createApiErrorsI18n('zh-TW')}>…</ApiErrorsProvider>
 */
export function createApiErrorsI18n(lng?: string): I18nextInstance {
  return createTextsInstance(toApiErrorsLanguage(lng ?? pageLanguage()), resources);
}

function pageLanguage(): string | undefined {
  if (typeof document !== 'undefined' && document.documentElement.lang) return document.documentElement.lang;
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

import type { i18n, TFunction } from 'i18next';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { getI18n, I18nContext, useTranslation } from 'react-i18next';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  type ApiErrorsLanguages,
  createTextsInstance,
  FALLBACK_LANGUAGES,
  toApiErrorsLanguage,
} from '../i18n/instance.js';
import type { ApiErrorsResource } from '../i18n/resource.js';
import { ApiErrorsContext } from './api-errors-provider.js';

// One private instance per texts and language: providers with different `languages` don't share.
// Weakly held, so that texts made anew on each render don't pile up.
const NO_TEXTS = {};
const privateInstances = new WeakMap<object, Partial<Record<ApiErrorsLanguage, i18n>>>();
function privateI18n(lng: ApiErrorsLanguage, texts: ApiErrorsResource | undefined): i18n {
  const byLanguage = privateInstances.get(texts ?? NO_TEXTS) ?? {};
  privateInstances.set(texts ?? NO_TEXTS, byLanguage);
  byLanguage[lng] ??= createTextsInstance(lng, texts && { [lng]: texts });
  return byLanguage[lng];
}

// The page's language, for the private instance. On the server and while hydrating it is unknown
// (English), then the client's `<html lang>` takes over — no hydration mismatch, and a language
// switcher that changes `lang` is followed.
const subscribeToPageLanguage = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
};
const pageLanguage = () => document.documentElement.lang || navigator.language;
const noPageLanguage = () => '';

/** The texts for a language code: the given ones, else the instance's own; the nearest other language before none. */
function textsFor(code: string, languages: ApiErrorsLanguages, instance?: i18n) {
  const language = toApiErrorsLanguage(code);
  const own = (lng: ApiErrorsLanguage): ApiErrorsResource | undefined =>
    languages[lng] ?? instance?.getResourceBundle(lng, API_ERRORS_NS);
  for (const lng of [language, ...FALLBACK_LANGUAGES[language]]) {
    const texts = own(lng);
    if (texts) return texts;
  }
  return undefined;
}

// On a host's instance the texts are added under each language code it is used in: a host whose
// `supportedLngs` is ['zh-CN', 'en-US'] would otherwise never reach the 'zh' and 'en' bundles.
// Added deep and without overwriting, so the host's own texts under our namespace win.
const prepared = new WeakMap<i18n, Map<string, ApiErrorsResource | undefined>>();
function prepare(instance: i18n, code: string, languages: ApiErrorsLanguages): ApiErrorsResource | undefined {
  const done = prepared.get(instance) ?? new Map<string, ApiErrorsResource | undefined>();
  prepared.set(instance, done);
  const texts = textsFor(code, languages, instance);
  if (texts && done.get(code) !== texts) instance.addResourceBundle(code, API_ERRORS_NS, texts, true, false);
  done.set(code, texts);
  return texts;
}

let warned = false;
function warnNoTexts(): void {
  if (warned) return;
  warned = true;
  console.error(
    'caoliao-api-errors: no texts to show. Give them with <ApiErrorsProvider languages={{ zh, en }}> ' +
      "(import { zh, en } from 'caoliao-api-errors/i18n'), or add them to your i18next instance with addApiErrorResources(i18n).",
  );
}

/**
 * The translate function of this library's namespace, in `zh`, `zh-Hant` or `en`: the provider's instance,
 * else the host's react-i18next instance (never `init` or `use`), else a private instance in the
 * page's language. The texts are the provider's `languages`, else those already on the instance.
 * Re-renders when the language changes.
 */
export function useApiErrorsT(): TFunction<typeof API_ERRORS_NS> {
  const { i18n: provided, languages = {} } = useContext(ApiErrorsContext);
  const host = useContext(I18nContext)?.i18n ?? getI18n();
  const page = toApiErrorsLanguage(
    useSyncExternalStore(subscribeToPageLanguage, pageLanguage, noPageLanguage),
  );
  const candidate = provided ?? host;
  const shared = candidate?.isInitialized ? candidate : undefined;
  const privateTexts = shared ? undefined : textsFor(page, languages);
  const { i18n } = useTranslation(API_ERRORS_NS, { i18n: shared ?? privateI18n(page, privateTexts) });
  const code = i18n.language || 'en';
  if (!(shared ? prepare(i18n, code, languages) : privateTexts)) warnNoTexts();
  return useMemo(() => i18n.getFixedT(code, API_ERRORS_NS), [i18n, code]);
}

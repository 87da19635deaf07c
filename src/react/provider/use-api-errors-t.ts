import type { i18n, TOptions } from 'i18next';
import { useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { getI18n, I18nContext } from 'react-i18next';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  type ApiErrorsTextsByLanguage,
  createTextsInstance,
  FALLBACK_LANGUAGES,
  toApiErrorsLanguage,
} from '../../i18n/instance.js';
import type { ApiErrorsResource } from '../../i18n/resource.js';
import { ApiErrorsContext } from './api-errors-provider.js';

/** Looks up a text of this library's namespace: the first of `key` that exists, interpolated. */
export type ApiErrorsT = (key: string | readonly string[], options?: TOptions) => string;

// One private instance per texts and language: providers with different `languages` don't share.
// Weakly held, so that texts made anew on each render don't pile up. A cache, not a side effect:
// the same texts and language always give an equal instance, and nothing outside it changes.
const NO_TEXTS = {};
const privateInstances = new WeakMap<object, Partial<Record<ApiErrorsLanguage, i18n>>>();
function privateI18n(lng: ApiErrorsLanguage, texts: ApiErrorsResource | undefined): i18n {
  const byLanguage = privateInstances.get(texts ?? NO_TEXTS) ?? {};
  privateInstances.set(texts ?? NO_TEXTS, byLanguage);
  byLanguage[lng] ??= createTextsInstance(lng, texts && { [lng]: texts });
  return byLanguage[lng];
}

// The page's language, when neither an instance nor the provider says which. The server cannot
// read it (English there and while hydrating); give the provider `language` to render it at once.
const subscribeToPageLanguage = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
};
const pageLanguage = () => document.documentElement.lang || navigator.language;
const noPageLanguage = () => '';

/** An i18next instance's language once it is initialized; re-renders when it changes. */
function useInstanceLanguage(instance: i18n | undefined): string | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      instance?.on('initialized', onChange);
      instance?.on('languageChanged', onChange);
      return () => {
        instance?.off('initialized', onChange);
        instance?.off('languageChanged', onChange);
      };
    },
    [instance],
  );
  const language = () => (instance?.isInitialized ? instance.language || undefined : undefined);
  return useSyncExternalStore(subscribe, language, language);
}

/** The texts for a language: the given ones, else the instance's own; the nearest other language before none. */
function textsFor(language: ApiErrorsLanguage, languages: ApiErrorsTextsByLanguage, instance?: i18n) {
  for (const lng of [language, ...FALLBACK_LANGUAGES[language]]) {
    const texts: ApiErrorsResource | undefined =
      languages[lng] ?? instance?.getResourceBundle(lng, API_ERRORS_NS);
    if (texts) return { lng, texts };
  }
  return undefined;
}

/**
 * Our texts under the host's: a key the host has under our namespace, in its own language code
 * (`zh-CN`) or ours (`zh`), is the host's text; any other is ours. Nothing is added to the host's
 * instance — rendering only reads it — so the host's texts win without a merge.
 */
function layered(host: i18n, code: string, ours: i18n): ApiErrorsT {
  // React escapes what it renders; the host's own escaping would show `&lt;` as text.
  const own = {
    ns: API_ERRORS_NS,
    lngs: [...new Set([code, toApiErrorsLanguage(code)])],
    interpolation: { escapeValue: false },
  };
  return (key, options) => {
    for (const candidate of typeof key === 'string' ? [key] : key) {
      if (host.exists(candidate, { ...options, ...own })) return host.t(candidate, { ...options, ...own });
      if (ours.exists(candidate, options)) return ours.t(candidate, options);
    }
    return ours.t(key as string[], options);
  };
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
 * The texts of this library's namespace, in `zh`, `zh-Hant` or `en`. The language: the provider's
 * `i18n` instance's, else the provider's `language`, else the host's react-i18next instance's,
 * else the only language of the provider's `languages`, else the page's (`<html lang>`). The
 * texts: the provider's `languages`, else those on the instance (`addApiErrorResources`); the
 * host's own texts under our namespace win. Pure: it reads the instance and never changes it.
 */
export function useApiErrorsT(): ApiErrorsT {
  const { i18n: provided, language: given, languages = {} } = useContext(ApiErrorsContext);
  const host = useContext(I18nContext)?.i18n ?? getI18n();
  const instance = provided ?? (given === undefined ? host : undefined);
  const instanceCode = useInstanceLanguage(instance);
  const page = useSyncExternalStore(subscribeToPageLanguage, pageLanguage, noPageLanguage);
  const languagesGiven = Object.keys(languages);
  const onlyLanguage = languagesGiven.length === 1 ? languagesGiven[0] : undefined;
  const code = instanceCode ?? given ?? onlyLanguage ?? page;
  const shared = instanceCode === undefined ? undefined : instance;
  const found = textsFor(toApiErrorsLanguage(code), languages, shared);
  const ours = privateI18n(found?.lng ?? toApiErrorsLanguage(code), found?.texts);
  const hasTexts = found !== undefined;
  useEffect(() => {
    if (!hasTexts) warnNoTexts();
  }, [hasTexts]);
  return useMemo(() => {
    if (shared) return layered(shared, code, ours);
    return (key, options) => ours.t(key as string[], options);
  }, [ours, shared, code]);
}

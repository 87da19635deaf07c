import { useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { I18nextInstance } from '../../i18n/i18next-instance.js';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  type ApiErrorsTextsByLanguage,
  FALLBACK_LANGUAGES,
  toApiErrorsLanguage,
} from '../../i18n/instance.js';
import type { ApiErrorsResource } from '../../i18n/resource.js';
import { type ApiErrorsT, type ApiErrorsTranslator, createTranslator } from '../../i18n/translator.js';
import { ApiErrorsContext } from './api-errors-provider.js';

export type { ApiErrorsT } from '../../i18n/translator.js';

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
function useInstanceLanguage(instance: I18nextInstance | undefined): string | undefined {
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

/** The texts of one language: the given ones, else those on the instance (`addApiErrorResources`). */
function textsOf(lng: ApiErrorsLanguage, languages: ApiErrorsTextsByLanguage, instance?: I18nextInstance) {
  return languages[lng] ?? (instance?.getResourceBundle(lng, API_ERRORS_NS) as ApiErrorsResource | undefined);
}

/** The texts shown: `lng`'s, else the nearest language's that has texts. */
function textsInUse(lng: ApiErrorsLanguage, texts: ApiErrorsTextsByLanguage): ApiErrorsResource | undefined {
  for (const language of [lng, ...FALLBACK_LANGUAGES[lng]]) if (texts[language]) return texts[language];
  return undefined;
}

/**
 * Our texts under the host's: a key the host has under our namespace, in its own language code
 * (`zh-CN`) or ours (`zh`), is the host's text; any other is ours. Nothing is added to the host's
 * instance — rendering only reads it — so the host's texts win without a merge.
 */
function layered(host: I18nextInstance, code: string, ours: ApiErrorsTranslator): ApiErrorsT {
  // React escapes what it renders; the host's own escaping would show `&lt;` as text.
  const own = {
    ns: API_ERRORS_NS,
    lngs: [...new Set([code, toApiErrorsLanguage(code)])],
    interpolation: { escapeValue: false },
  };
  return (key, values) => {
    for (const candidate of typeof key === 'string' ? [key] : key) {
      if (host.exists(candidate, { ...values, ...own })) return host.t(candidate, { ...values, ...own });
      const text = ours.find(candidate, values);
      if (text !== undefined) return text;
    }
    return ours.t(key, values);
  };
}

// For the developer only: a production build (a bundler that sets NODE_ENV) drops these texts.
const DEVELOPMENT = process.env.NODE_ENV !== 'production';
const NO_TEXTS = DEVELOPMENT
  ? "caoliao-api-errors: no texts. Give them with <ApiErrorsProvider languages={{ zh, en }}> (from 'caoliao-api-errors/i18n') or addApiErrorResources(i18n)."
  : '';
const NO_STAFF_TEXTS = DEVELOPMENT
  ? 'caoliao-api-errors: audience="staff" with a visitor\'s texts. Give the staff\'s: languages={{ zh: zhStaff }} (or zhHantStaff, enStaff).'
  : '';

const warned = new Set<string>();
/** Tells the developer what is missing, once per page, after rendering (never while rendering). */
function useWarnOnce(missing: boolean, message: string): void {
  useEffect(() => {
    if (!missing || !message || warned.has(message)) return;
    warned.add(message);
    console.error(message);
  }, [missing, message]);
}

/**
 * The texts of this library's namespace, in `zh`, `zh-Hant` or `en`. The language: the provider's
 * `i18n` instance's, else the provider's `language`, else the only language of the provider's
 * `languages`, else the page's (`<html lang>`). The texts: the provider's `languages`, else those
 * on the instance (`addApiErrorResources`), the nearest other language before none; the host's
 * own texts under our namespace win. Pure: it reads the instance and never changes it. Needs no
 * i18next: our own translator looks our texts up.
 */
export function useApiErrorsT(): ApiErrorsT {
  const { i18n: instance, language: given, languages = {}, audience } = useContext(ApiErrorsContext);
  const instanceCode = useInstanceLanguage(instance);
  const page = useSyncExternalStore(subscribeToPageLanguage, pageLanguage, noPageLanguage);
  const languagesGiven = Object.keys(languages);
  const onlyLanguage = languagesGiven.length === 1 ? languagesGiven[0] : undefined;
  const code = instanceCode ?? given ?? onlyLanguage ?? page;
  const shared = instanceCode === undefined ? undefined : instance;
  const lng = toApiErrorsLanguage(code);
  const zh = textsOf('zh', languages, shared);
  const zhHant = textsOf('zh-Hant', languages, shared);
  const en = textsOf('en', languages, shared);
  const ours = useMemo(() => createTranslator(lng, { zh, 'zh-Hant': zhHant, en }), [lng, zh, zhHant, en]);
  const inUse = textsInUse(lng, { zh, 'zh-Hant': zhHant, en });
  useWarnOnce(!inUse, NO_TEXTS);
  // A host's own bundle under our namespace may hold only some texts: nothing here may throw.
  useWarnOnce(
    audience === 'staff' && inUse !== undefined && !inUse.errors?.[401]?.title_staff,
    NO_STAFF_TEXTS,
  );
  return useMemo(() => (shared ? layered(shared, code, ours) : ours.t), [ours, shared, code]);
}

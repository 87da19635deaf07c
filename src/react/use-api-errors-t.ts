import type { i18n, TFunction } from 'i18next';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { getI18n, I18nContext, useTranslation } from 'react-i18next';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  createApiErrorsI18n,
  resources,
  toApiErrorsLanguage,
} from '../i18n/index.js';
import { ApiErrorsContext } from './api-errors-provider.js';

const privateInstances = new Map<ApiErrorsLanguage, i18n>();
function privateI18n(lng: ApiErrorsLanguage): i18n {
  const instance = privateInstances.get(lng) ?? createApiErrorsI18n(lng);
  privateInstances.set(lng, instance);
  return instance;
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

// Our namespace is added to a host instance under each language code it is used in: a host whose
// `supportedLngs` is ['zh-CN', 'en-US'] would otherwise never reach our 'zh' and 'en' bundles.
// Added deep and without overwriting, so the host's own texts under our namespace win.
const prepared = new WeakMap<i18n, Set<string>>();
function prepare(instance: i18n, code: string): void {
  const codes = prepared.get(instance) ?? new Set<string>();
  prepared.set(instance, codes);
  if (codes.has(code)) return;
  codes.add(code);
  instance.addResourceBundle(
    code,
    API_ERRORS_NS,
    resources[toApiErrorsLanguage(code)][API_ERRORS_NS],
    true,
    false,
  );
}

/**
 * The translate function of this library's namespace, in `zh` or `en`: the provider's instance,
 * else the host's react-i18next instance (our namespace is added to it, never `init` or `use`),
 * else a private instance in the page's language. Re-renders when the language changes.
 */
export function useApiErrorsT(): TFunction<typeof API_ERRORS_NS> {
  const provided = useContext(ApiErrorsContext).i18n;
  const host = useContext(I18nContext)?.i18n ?? getI18n();
  const page = useSyncExternalStore(subscribeToPageLanguage, pageLanguage, noPageLanguage);
  const candidate = provided ?? host;
  const instance = candidate?.isInitialized ? candidate : privateI18n(toApiErrorsLanguage(page));
  const { i18n } = useTranslation(API_ERRORS_NS, { i18n: instance });
  const code = i18n.language || 'en';
  prepare(i18n, code);
  return useMemo(() => i18n.getFixedT(code, API_ERRORS_NS), [i18n, code]);
}

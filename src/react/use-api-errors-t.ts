import type { i18n, TFunction } from 'i18next';
import { useContext, useMemo } from 'react';
import { getI18n, I18nContext, useTranslation } from 'react-i18next';
import {
  API_ERRORS_NS,
  type ApiErrorsLanguage,
  addApiErrorResources,
  createApiErrorsI18n,
  toApiErrorsLanguage,
} from '../i18n/index.js';
import { ApiErrorsContext } from './api-errors-provider.js';

const privateInstances = new Map<ApiErrorsLanguage, i18n>();

function privateI18n(tag: string | undefined): i18n {
  const lng = toApiErrorsLanguage(
    tag ?? (typeof document === 'undefined' ? undefined : document.documentElement.lang),
  );
  let instance = privateInstances.get(lng);
  if (!instance) {
    instance = createApiErrorsI18n(lng);
    privateInstances.set(lng, instance);
  }
  return instance;
}

/**
 * The translate function of this library's namespace, in `zh` or `en`: the provider's instance,
 * else the host's react-i18next instance (our namespace is added to it, never `init` or `use`),
 * else a private instance in the page's language. Re-renders when the language changes.
 */
export function useApiErrorsT(): TFunction<typeof API_ERRORS_NS> {
  const provided = useContext(ApiErrorsContext).i18n;
  const host = useContext(I18nContext)?.i18n ?? getI18n();
  let instance = provided ?? host;
  if (instance?.isInitialized) {
    if (!instance.hasResourceBundle('en', API_ERRORS_NS)) addApiErrorResources(instance);
  } else {
    instance = privateI18n(undefined);
  }
  const { i18n } = useTranslation(API_ERRORS_NS, { i18n: instance });
  const lng = toApiErrorsLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => i18n.getFixedT(lng, API_ERRORS_NS), [i18n, lng]);
}

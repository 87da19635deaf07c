import { useContext } from 'react';
import { getI18n, I18nContext } from 'react-i18next';
import { type ApiErrorsProviderProps, ApiErrorsProvider as Provider } from './api-errors-provider.js';

export type { ApiErrorsProviderProps } from './api-errors-provider.js';

/**
 * `ApiErrorsProvider` for hosts that use react-i18next (`caoliao-api-errors/react-i18next`): without
 * `i18n` and `language`, it follows the host's react-i18next instance — the nearest
 * `I18nextProvider`'s, else the one `initReactI18next` registered — as the main entry's did
 * before it stopped importing react-i18next. Every prop is the main entry's `ApiErrorsProvider`'s.
 * @example
 * import { ApiErrorsProvider } from 'caoliao-api-errors/react-i18next';
 * addApiErrorResources(i18n); // once, where you set i18next up
 * <ApiErrorsProvider onReauthenticate={signIn}><App /></ApiErrorsProvider>
 */
export function ApiErrorsProvider(props: ApiErrorsProviderProps) {
  const host = useContext(I18nContext)?.i18n ?? getI18n();
  return <Provider {...props} i18n={props.i18n ?? (props.language === undefined ? host : undefined)} />;
}

import { type ComponentType, createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ErrorKey } from '../../core/index.js';
import type { I18nextInstance as i18n } from '../../i18n/i18next-instance.js';
import type { ApiErrorsTextsByLanguage } from '../../i18n/instance.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import type { ApiErrorComponentProps } from '../views/api-error-component-props.js';
import { type ApiErrorHandlers, HANDLER_NAMES, pickHandlers } from './handlers.js';

export interface ApiErrorsContextValue {
  i18n?: i18n;
  language?: string;
  languages?: ApiErrorsTextsByLanguage;
  audience?: ApiErrorsAudience;
  contactHref?: string;
  homeHref?: string;
  inAppClose?: boolean;
  handlers: ApiErrorHandlers;
  components: Partial<Record<ErrorKey, ComponentType<ApiErrorComponentProps>>>;
}

export const ApiErrorsContext = createContext<ApiErrorsContextValue>({ handlers: {}, components: {} });

export interface ApiErrorsProviderProps extends ApiErrorHandlers {
  /**
   * The texts, per language: `{ zh, en }`, or only the language your app speaks, so that your
   * bundler leaves the other out. Without it, the texts already on the i18next instance
   * (`addApiErrorResources(i18n)`, `createApiErrorsI18n()`) are used.
   * @example
   * import { zh } from 'caoliao-api-errors/i18n';
   * <ApiErrorsProvider languages={{ zh }}>…</ApiErrorsProvider>
   */
  languages?: ApiErrorsTextsByLanguage;
  /**
   * The language to show, any tag (`zh-CN`, `zh-TW`, `en`), when you don't use i18next: on the
   * server, the request's language, so that the page is rendered in it and hydrates in it with no
   * flash of English. Without it, the only language of `languages`, else the page's `<html lang>`
   * (which the server cannot read: it renders English, and the client switches after hydrating).
   * Ignored when `i18n` is given.
   * @example <ApiErrorsProvider languages={{ zh, en }} language={user.locale}>…</ApiErrorsProvider>
   */
  language?: string;
  /**
   * Who reads the errors: `public` (default), a visitor who scanned a QR code, who never reads API
   * vocabulary and is sent to the form's publisher; or `staff`, at the verification desk or running the
   * page, who get the precise reason and the action that fixes the set-up (reconnect, permissions).
   * @example <ApiErrorsProvider audience="staff">…</ApiErrorsProvider>
   */
  audience?: ApiErrorsAudience;
  /**
   * Where "contact the form's publisher / administrator / support" leads when no `onContact…` handler is
   * given: a `tel:`, `mailto:` or web address. Without either, those views offer to copy the
   * error's reference instead.
   * @example <ApiErrorsProvider contactHref="tel:+864001234567">…</ApiErrorsProvider>
   */
  contactHref?: string;
  /**
   * Where "go back" leads when there is no page to go back to (a page opened by scanning a QR code
   * has no history). Without it, such views offer no "go back" at all.
   * @example <ApiErrorsProvider homeHref="/">…</ApiErrorsProvider>
   */
  homeHref?: string;
  /**
   * Whether a screen that ends the flow (a closed, full or paused form, a page that doesn't exist)
   * offers "Close this page" in an in-app browser that can close it — WeChat, WeCom, Alipay,
   * DingTalk, Feishu — when there is no page to go back to. Default `true`; with `false` the screen
   * says the page can be closed instead. `onClosePage` replaces the in-app close with your own.
   * @example <ApiErrorsProvider inAppClose={false}>…</ApiErrorsProvider>
   */
  inAppClose?: boolean;
  /**
   * The i18next instance whose language is used (and whose own texts under our namespace win). It
   * is only read, never changed. Without it: `language`, else the page's language (`<html lang>`).
   * With react-i18next, the provider from `caoliao-api-errors/react-i18next` finds the instance itself.
   * @example <ApiErrorsProvider i18n={i18n}>…</ApiErrorsProvider>
   */
  i18n?: i18n;
  /**
   * Your own component for some keys, in place of ours.
   * @example <ApiErrorsProvider components={{ 100329: MyIdentityPrompt }}>…</ApiErrorsProvider>
   */
  components?: Partial<Record<ErrorKey, ComponentType<ApiErrorComponentProps>>>;
  children?: ReactNode;
}

/**
 * The texts, the i18n instance, the recovery handlers and component overrides for every error
 * view below it. Optional when your i18next instance already has the texts (`addApiErrorResources`).
 *
 * @example
 * <ApiErrorsProvider languages={{ zh, en }} onReauthenticate={signIn} onCompleteIdentity={openIdentityForm}>
 *   <App />
 * </ApiErrorsProvider>
 */
export function ApiErrorsProvider({
  i18n,
  language,
  languages,
  audience,
  contactHref,
  homeHref,
  inAppClose,
  components,
  children,
  ...handlers
}: ApiErrorsProviderProps) {
  const outer = useContext(ApiErrorsContext);
  const handlerList = HANDLER_NAMES.map((name) => handlers[name]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: languages and handlers are compared one by one, so inline objects don't re-render every view.
  const value = useMemo<ApiErrorsContextValue>(
    () => ({
      i18n: i18n ?? outer.i18n,
      language: language ?? outer.language,
      languages: languages ?? outer.languages,
      audience: audience ?? outer.audience,
      contactHref: contactHref ?? outer.contactHref,
      homeHref: homeHref ?? outer.homeHref,
      inAppClose: inAppClose ?? outer.inAppClose,
      handlers: { ...outer.handlers, ...pickHandlers(handlers) },
      components: { ...outer.components, ...components },
    }),
    [
      i18n,
      language,
      languages?.zh,
      languages?.['zh-Hant'],
      languages?.en,
      audience,
      contactHref,
      homeHref,
      inAppClose,
      components,
      outer,
      ...handlerList,
    ],
  );
  return <ApiErrorsContext.Provider value={value}>{children}</ApiErrorsContext.Provider>;
}

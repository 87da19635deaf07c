import type { i18n } from 'i18next';
import { type ComponentType, createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ErrorKey } from '../core/index.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ACTION_HANDLERS, type ApiErrorHandlers, pickHandlers } from './handlers.js';

const HANDLER_NAMES = Object.values(ACTION_HANDLERS);

export interface ApiErrorsContextValue {
  i18n?: i18n;
  handlers: ApiErrorHandlers;
  components: Partial<Record<ErrorKey, ComponentType<ApiErrorComponentProps>>>;
}

export const ApiErrorsContext = createContext<ApiErrorsContextValue>({ handlers: {}, components: {} });

export interface ApiErrorsProviderProps extends ApiErrorHandlers {
  /**
   * The i18next instance whose language is used. Without it: the host's react-i18next instance
   * when it has this library's namespace (`addApiErrorResources`), else a private one that follows
   * the page's language.
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
 * Optional: the i18n instance, the recovery handlers and component overrides for every error
 * view below it. Everything works without it.
 *
 * @example
 * <ApiErrorsProvider i18n={i18n} onReauthenticate={signIn} onCompleteIdentity={openIdentityForm}>
 *   <App />
 * </ApiErrorsProvider>
 */
export function ApiErrorsProvider({ i18n, components, children, ...handlers }: ApiErrorsProviderProps) {
  const outer = useContext(ApiErrorsContext);
  const handlerList = HANDLER_NAMES.map((name) => handlers[name]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the handlers are compared one by one.
  const value = useMemo<ApiErrorsContextValue>(
    () => ({
      i18n: i18n ?? outer.i18n,
      handlers: { ...outer.handlers, ...pickHandlers(handlers) },
      components: { ...outer.components, ...components },
    }),
    [i18n, components, outer, ...handlerList],
  );
  return <ApiErrorsContext.Provider value={value}>{children}</ApiErrorsContext.Provider>;
}

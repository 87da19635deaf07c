import { useContext, useSyncExternalStore } from 'react';
import type { ApiError, RecoveryAction } from '../../core/index.js';
import type { ActionId, BuiltInAction } from '../../i18n/resource.js';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { ACTION_HANDLERS, type ApiErrorHandlers } from '../provider/handlers.js';
import type { ApiErrorText } from '../provider/use-api-error-text.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';

/** An action a view shows: a button that runs something, or a link. */
export type ResolvedAction = { id: ActionId; label: string } & (
  | { run: () => unknown; href?: never }
  | { href: string; run?: never }
);

const noSubscription = () => () => {};
// A page opened by scanning a QR code (often in an in-app browser) has nothing to go back to. Known
// only in the browser: the server's render and the hydration offer no "back", the client adds it.
const hasHistory = () => window.history.length > 1;
const noHistory = () => false;

const reloadPage = () => window.location.reload();

/**
 * The actions of a view, the most useful first: the catalog's, each carried out by the host's
 * handler or else by a built-in fallback (reload, back, a contact link); when none is left, copying
 * the error's reference (with `copyReference`), so that no view is a dead end. A resend that might
 * store twice comes last.
 */
export function useErrorActions(
  error: ApiError,
  text: ApiErrorText,
  options: {
    handlers: ApiErrorHandlers;
    variant: string;
    omit: readonly RecoveryAction[];
    /** Copies the reference when nothing else is left; without it, nothing takes that place. */
    copyReference?: () => unknown;
  },
): ResolvedAction[] {
  const { handlers, variant, omit, copyReference } = options;
  const t = useApiErrorsT();
  const { contactHref, homeHref } = useContext(ApiErrorsContext);
  const canGoBack = useSyncExternalStore(noSubscription, hasHistory, noHistory);
  // A built-in action's label, specific to the code where it needs to be (`reload-page_100310`).
  const builtIn = (id: BuiltInAction) => t([`actions.${id}_${text.key}`, `actions.${id}`]);
  const actions: ResolvedAction[] = [];
  for (const { id, label } of text.actions) {
    if (omit.includes(id)) continue;
    const handler = handlers[ACTION_HANDLERS[id]];
    if (handler) actions.push({ id, label, run: () => handler(error) });
    // A page-sized view that failed to load has its retry in a reload; an inline one sits beside
    // the button that sends it again.
    else if (id === 'retry' && variant !== 'inline')
      actions.push({ id: 'reload-page', label: builtIn('reload-page'), run: reloadPage });
    // Without the host's own reload (which may keep the answers), the page's loses them: the label says so.
    else if (id === 'reload')
      actions.push({ id: 'reload-page', label: builtIn('reload-page'), run: reloadPage });
    else if (id === 'go-back' && canGoBack) actions.push({ id, label, run: () => window.history.back() });
    else if (id === 'go-back' && homeHref)
      actions.push({ id: 'go-home', label: builtIn('go-home'), href: homeHref });
    else if ((id === 'contact-admin' || id === 'contact-support') && contactHref)
      actions.push({ id, label, href: contactHref });
  }
  // An action the view renders itself (a countdown's retry, a wait that ends in a retry) is a way forward too.
  const elsewhere = text.actions.some(({ id }) => omit.includes(id));
  if (actions.length === 0 && !elsewhere && copyReference)
    actions.push({ id: 'copy-reference', label: builtIn('copy-reference'), run: copyReference });
  // A resend that might store twice is the person's informed choice: it comes last and never leads.
  const blindResend = text.mayHaveBeenStored && !text.resendIsSafe;
  return blindResend
    ? [...actions.filter(({ id }) => id !== 'retry'), ...actions.filter(({ id }) => id === 'retry')]
    : actions;
}

import { useContext, useSyncExternalStore } from 'react';
import type { ApiError, RecoveryAction } from '../../core/index.js';
import type { ActionId, BuiltInAction } from '../../i18n/resource.js';
import { useInAppClose } from '../in-app/use-in-app-close.js';
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

/** What leaves a screen that ends the flow. */
const WAYS_OUT: readonly ActionId[] = ['go-back', 'close-page'];

/** A view's actions, and whether it should say that the page can be closed. */
export interface ErrorActions {
  actions: ResolvedAction[];
  /**
   * The screen ends the flow and nothing here leaves it (no back, no close that works: not an
   * in-app browser, its bridge never came, or its close left the page open): the text says so.
   */
  saysCanClose: boolean;
}

/**
 * The actions of a view, the most useful first: the catalog's, each carried out by the host's
 * handler or else by a built-in fallback (reload, back, close in an in-app browser, a contact link);
 * when none is left, copying the error's reference (with `copyReference`), so that no view is a
 * dead end. A resend that might store twice comes last.
 */
export function useErrorActions(
  error: ApiError,
  text: ApiErrorText,
  options: {
    handlers: ApiErrorHandlers;
    variant: string;
    omit: readonly RecoveryAction[];
    /**
     * The view ends the flow: a page that is gone, a code that leads nowhere, a form a visitor
     * finds closed, full or paused. With nothing to go back to, it offers to close the page.
     */
    endsFlow: boolean;
    /** Copies the reference when nothing else is left; without it, nothing takes that place. */
    copyReference?: () => unknown;
  },
): ErrorActions {
  const { handlers, variant, omit, endsFlow, copyReference } = options;
  const t = useApiErrorsT();
  const { contactHref, homeHref, inAppClose = true } = useContext(ApiErrorsContext);
  const canGoBack = useSyncExternalStore(noSubscription, hasHistory, noHistory);
  const { onClosePage } = handlers;
  const inApp = useInAppClose(endsFlow && !canGoBack && inAppClose && !onClosePage);
  // A built-in action's label, specific to the code where it needs to be (`reload-page_100310`).
  const builtIn = (id: BuiltInAction) => t([`actions.${id}_${text.key}`, `actions.${id}`]);
  const closeRun = onClosePage ? () => onClosePage(error) : inApp.state === 'none' ? undefined : inApp.close;
  const closePage: ResolvedAction | undefined =
    endsFlow && !canGoBack && closeRun
      ? { id: 'close-page', label: builtIn('close-page'), run: closeRun }
      : undefined;
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
    // Nothing to go back to (a page opened from a scan): close it where the browser can, and go home.
    else if (id === 'go-back') {
      if (closePage) actions.push(closePage);
      if (homeHref) actions.push({ id: 'go-home', label: builtIn('go-home'), href: homeHref });
    } else if ((id === 'contact-admin' || id === 'contact-support') && contactHref)
      actions.push({ id, label, href: contactHref });
  }
  // A visitor's closed or full form has no "back" in the catalog: the close comes after its actions.
  if (closePage && !actions.includes(closePage)) actions.push(closePage);
  // An action the view renders itself (a countdown's retry, a wait that ends in a retry) is a way forward too.
  const elsewhere = text.actions.some(({ id }) => omit.includes(id));
  if (actions.length === 0 && !elsewhere && copyReference)
    actions.push({ id: 'copy-reference', label: builtIn('copy-reference'), run: copyReference });
  const leaves = actions.some(({ id }) => WAYS_OUT.includes(id));
  const saysCanClose = endsFlow && (!leaves || inApp.state === 'failed');
  // A resend that might store twice is the person's informed choice: it comes last and never leads.
  const blindResend = text.mayHaveBeenStored && !text.resendIsSafe;
  const ordered = blindResend
    ? [...actions.filter(({ id }) => id !== 'retry'), ...actions.filter(({ id }) => id === 'retry')]
    : actions;
  return { actions: ordered, saysCanClose };
}

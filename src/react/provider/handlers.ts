import type { ApiError, RecoveryAction } from '../../core/index.js';

/**
 * What the host does for each recovery action. A button is shown only for actions that have a
 * handler (except `retry`, which the boundary and the query hooks provide).
 */
export interface ApiErrorHandlers {
  /** Send the failed request again. May return a promise; the button waits for it. */
  onRetry?: (error: ApiError) => unknown;
  /** Sign in again / reconnect the API key (401, 100315). */
  onReauthenticate?: (error: ApiError) => unknown;
  /**
   * Open the host's identity form (100329). Resolve when the person completed it — the request is
   * then retried once — or resolve `false` when they cancelled.
   * @example onCompleteIdentity={() => openIdentityDialog()} // Promise<boolean>
   */
  onCompleteIdentity?: (error: ApiError) => unknown;
  onGoBack?: (error: ApiError) => unknown;
  /** Reach support; `getErrorReference(error)` is the reference to quote. */
  onContactSupport?: (error: ApiError) => unknown;
  /** Reach the administrator of the form, the code or the organization. */
  onContactAdmin?: (error: ApiError) => unknown;
  onRequestPermission?: (error: ApiError) => unknown;
  onRescan?: (error: ApiError) => unknown;
  /** Move to the first marked field (100307–100309). */
  onFixFields?: (error: ApiError) => unknown;
  onReload?: (error: ApiError) => unknown;
  /** Choose another category, action or status (100317, 100318, 100325, 100326). */
  onChooseAnother?: (error: ApiError) => unknown;
  onEnterCertificateCode?: (error: ApiError) => unknown;
  /** Ask for a fresh verification authorization code (100327). */
  onEnterAuthCode?: (error: ApiError) => unknown;
  /**
   * Close the page your way (a mini program's web-view, a JS-SDK you configured): offered, in every
   * browser, on a screen that ends the flow when there is no page to go back to, in place of the
   * in-app browsers' own close.
   * @example onClosePage={() => wx.miniProgram.navigateBack()}
   */
  onClosePage?: (error: ApiError) => unknown;
}

/** Which handler carries out each recovery action. */
export const ACTION_HANDLERS: Record<RecoveryAction, keyof ApiErrorHandlers> = {
  retry: 'onRetry',
  reauthenticate: 'onReauthenticate',
  'complete-identity': 'onCompleteIdentity',
  'go-back': 'onGoBack',
  'contact-support': 'onContactSupport',
  'contact-admin': 'onContactAdmin',
  'request-permission': 'onRequestPermission',
  rescan: 'onRescan',
  'fix-fields': 'onFixFields',
  reload: 'onReload',
  'choose-another': 'onChooseAnother',
  'enter-certificate-code': 'onEnterCertificateCode',
  'enter-auth-code': 'onEnterAuthCode',
};

/** Every handler's name: the catalog's actions' and the built-in close's. */
export const HANDLER_NAMES: readonly (keyof ApiErrorHandlers)[] = [
  ...Object.values(ACTION_HANDLERS),
  'onClosePage',
];

/** Keeps only the handler props of an object (so component props can be spread in). */
export function pickHandlers(props: object): ApiErrorHandlers {
  const handlers: Record<string, unknown> = {};
  for (const name of HANDLER_NAMES) {
    const handler = (props as Record<string, unknown>)[name];
    if (typeof handler === 'function') handlers[name] = handler;
  }
  return handlers as ApiErrorHandlers;
}

import { type ComponentType, useContext, useMemo } from 'react';
import { describeError, ERROR_KEYS, type ErrorKey, toApiError } from '../core/index.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ApiErrorsContext } from './api-errors-provider.js';
import { ErrorPanel } from './error-panel.js';
import { getErrorReference } from './error-reference.js';
import { type ApiErrorHandlers, pickHandlers } from './handlers.js';
import { IdentityPromptView } from './identity-prompt.js';
import { RateLimitView } from './rate-limit-countdown.js';

/** The component of every catalog key: the shared panel, with per-code behaviour where a code needs it. */
export const API_ERROR_COMPONENTS: Readonly<Record<ErrorKey, ComponentType<ApiErrorComponentProps>>> = {
  ...(Object.fromEntries(ERROR_KEYS.map((key) => [key, ErrorPanel])) as Record<ErrorKey, typeof ErrorPanel>),
  429: RateLimitView,
  100329: IdentityPromptView,
};

export interface ApiErrorViewProps extends ApiErrorHandlers {
  /**
   * The error to show: an `ApiError` or anything thrown. With none, an inline view renders its
   * (empty) live region, so that the error is announced when it comes.
   * @example <ApiErrorView error={mutation.error} write onRetry={() => mutation.mutate(values)} />
   */
  error: unknown;
  /**
   * `page` replaces the screen and takes focus; `inline` sits by the action. Default: the
   * catalog's scope, but inline for a write that may work when sent again (502, network …).
   */
  variant?: 'page' | 'inline';
  /**
   * The failed request was a write: a failure that may have been stored gets a warning, a 429
   * waits for the person, and the region is an alert (the person just acted and needs to know).
   */
  write?: boolean;
  /** The DOM id of the inline region, for `aria-describedby` (see `useFieldErrors`). */
  id?: string;
}

/**
 * Shows an error with the component of its key, localized, with its recovery actions.
 * @example <ApiErrorView error={query.error} onRetry={() => query.refetch()} />
 */
export function ApiErrorView({ error, variant, write = false, id, ...handlerProps }: ApiErrorViewProps) {
  const context = useContext(ApiErrorsContext);
  // Converted once per error, so that a thrown string keeps one reference across renders.
  const apiError = useMemo(
    () => (error === null || error === undefined ? undefined : toApiError(error)),
    [error],
  );
  const description = apiError && describeError(apiError);
  // A write that may work when sent again stays inline, beside the form the person filled in.
  const keepsForm = write && description?.retry !== 'never';
  const shown = variant ?? (description?.scope === 'page' && !keepsForm ? 'page' : 'inline');
  let content = null;
  if (apiError && description) {
    const Component = context.components[description.key] ?? API_ERROR_COMPONENTS[description.key];
    content = (
      <Component
        // A new error is a new view: a fresh countdown, focus moved again.
        key={getErrorReference(apiError)}
        error={apiError}
        description={description}
        variant={shown}
        write={write}
        handlers={{ ...context.handlers, ...pickHandlers(handlerProps) }}
      />
    );
  }
  if (shown === 'page') return content;
  // The live region exists before it is filled, or screen readers miss the error.
  return (
    <div id={id} className="cae-region" role={write ? 'alert' : 'status'}>
      {content}
    </div>
  );
}

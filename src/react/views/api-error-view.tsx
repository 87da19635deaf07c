import { type ComponentType, createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { describeError, ERROR_KEYS, type ErrorKey, toApiError } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { type ApiErrorHandlers, pickHandlers } from '../provider/handlers.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ConfirmingResend } from './confirming-resend.js';
import { ErrorPanel } from './error-panel.js';
import { type ErrorSource, resolveSource } from './error-source.js';
import { IdentityPromptView } from './identity-prompt.js';
import { RateLimitView } from './rate-limit-view.js';
import { useConfirmingResend } from './use-confirming-resend.js';
import type { FieldErrors } from './use-field-errors.js';

/** The component of every catalog key: the shared panel, with per-code behaviour where a code needs it. */
const API_ERROR_COMPONENTS: Readonly<Record<ErrorKey, ComponentType<ApiErrorComponentProps>>> = {
  ...(Object.fromEntries(ERROR_KEYS.map((key) => [key, ErrorPanel])) as Record<ErrorKey, typeof ErrorPanel>),
  429: RateLimitView,
  100329: IdentityPromptView,
};

// One React key per error object: a second 429 with the same fields is a new wait, a new view.
const viewKeys = new WeakMap<object, number>();
let lastViewKey = 0;
function viewKeyOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  let key = viewKeys.get(error);
  if (key === undefined) {
    lastViewKey += 1;
    key = lastViewKey;
    viewKeys.set(error, key);
  }
  return String(key);
}

/** @internal The error an `ApiErrorArea` shows in place of its content: views inside it stay empty. */
export const ShownByAreaContext = createContext<unknown>(undefined);

/** The props of `ApiErrorView` besides its source (`error`, `mutation` or `query`). */
export interface ApiErrorViewOptions extends ApiErrorHandlers {
  /**
   * `page` replaces the screen, `result` replaces a form area (both Result-style, focused);
   * `inline` sits by the action that failed. Default: `page` for a read whose catalog scope is
   * `page`, else `inline` — a write's errors stay beside the form (see `ApiErrorArea` for those
   * that end it).
   */
  variant?: 'page' | 'result' | 'inline';
  /**
   * The failed request was a write (a submission, a verification): its texts say so, a 502, a
   * network failure or a timeout says the first attempt may have been stored, a 429 waits for the
   * person, and the region is an alert. Default: `true` for a `mutation`, else `false`.
   */
  write?: boolean;
  /**
   * Who reads it: `public` (a visitor on the form) or `staff`. Default: the provider's, else `public`.
   * @example <ApiErrorView mutation={verify} audience="staff" />
   */
  audience?: ApiErrorsAudience;
  /** The DOM id of the inline region, for `aria-describedby`. */
  id?: string;
  /**
   * The form's field errors: when they mark fields for this error, `ApiErrorSummary` and
   * `ApiFieldError` show it, and this view stays empty.
   * @example <ApiErrorView mutation={submit} fieldErrors={fields} />
   */
  fieldErrors?: FieldErrors;
}

export type ApiErrorViewProps = ApiErrorViewOptions & ErrorSource;

/**
 * Shows an error with the component of its key, localized for its reader, with its recovery
 * actions. Given a mutation or a query, it shows the wait while React Query retries by itself,
 * and sends the request again from its retry button. While a mutation resends a submission that
 * may have been stored and cannot be stored twice (its idempotency key), it says that it is
 * checking whether the first one was saved, in a polite live region beside the error's.
 * @example
 * <ApiErrorView mutation={submit} />
 * <ApiErrorView error={query.error} onRetry={() => query.refetch()} />
 */
export function ApiErrorView(props: ApiErrorViewProps) {
  const { variant, write, audience, id, fieldErrors } = props;
  const context = useContext(ApiErrorsContext);
  const shownByArea = useContext(ShownByAreaContext);
  const source = resolveSource(props, write);
  const raw = source.error === null || source.error === undefined ? undefined : source.error;
  // Converted once per error, so that a thrown string keeps one reference across renders.
  const apiError = useMemo(() => (raw === undefined ? undefined : toApiError(raw)), [raw]);
  const description = apiError && describeError(apiError);
  const shownElsewhere =
    raw === shownByArea ||
    (description?.scope === 'field' &&
      fieldErrors !== undefined &&
      fieldErrors.error === raw &&
      fieldErrors.items.length > 0);
  const shown =
    variant ?? (!source.retrying && !source.write && description?.scope === 'page' ? 'page' : 'inline');
  const reader = audience ?? context.audience ?? 'public';
  const confirming = useConfirmingResend(props.mutation, apiError, { write: source.write, audience: reader });
  const progressRegion = useRef<HTMLDivElement>(null);
  // The resend button that had focus left with the error: focus goes to what replaced it, not to
  // the top of the page (WCAG 2.4.3). Focus the person put elsewhere stays there.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (confirming && lost) progressRegion.current?.focus();
  }, [confirming]);

  let content = null;
  if (apiError && description && !shownElsewhere) {
    const Component = context.components[description.key] ?? API_ERROR_COMPONENTS[description.key];
    const derived: ApiErrorHandlers = source.onRetry ? { onRetry: source.onRetry } : {};
    content = (
      <Component
        // A new error is a new view: a fresh countdown, focus moved again.
        key={`${viewKeyOf(raw)} ${source.retrying}`}
        error={apiError}
        description={description}
        variant={shown}
        write={source.write}
        audience={reader}
        retrying={source.retrying}
        retryAt={source.retryAt}
        givenUp={source.givenUp}
        handlers={{ ...context.handlers, ...derived, ...pickHandlers(props) }}
      />
    );
  }
  // Waiting is news, not an alarm: announced politely, in a region of its own that exists before
  // it is filled (or screen readers miss it).
  const progress = props.mutation && (
    <div ref={progressRegion} className="cae-region" role="status" tabIndex={-1}>
      {confirming && <ConfirmingResend />}
    </div>
  );
  if (shown !== 'inline')
    return (
      <>
        {content}
        {progress}
      </>
    );
  // The live region exists before it is filled, or screen readers miss the error.
  return (
    <>
      <div id={id} className="cae-region" role={source.write ? 'alert' : 'status'}>
        {content}
      </div>
      {progress}
    </>
  );
}

import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import {
  type ComponentType,
  type ErrorInfo,
  type PropsWithChildren,
  type ReactNode,
  useContext,
} from 'react';
import { type FallbackProps as BaseFallbackProps, ErrorBoundary } from 'react-error-boundary';
import { type ApiError, toApiError } from '../../core/index.js';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { ApiErrorView } from '../views/api-error-view.js';

export interface FallbackProps {
  /** What was thrown, as an `ApiError` (anything else becomes an `unknown` one, with `cause`). */
  error: ApiError;
  /** Clears the error and renders the children again; failed queries refetch. */
  resetErrorBoundary: (...args: unknown[]) => void;
}

export type ResetDetails =
  | { reason: 'imperative-api'; args: unknown[] }
  | { reason: 'keys'; prev: readonly unknown[] | undefined; next: readonly unknown[] | undefined };

interface SharedProps {
  /**
   * Called once per caught error, for logging.
   * @example onError={(error) => logger.warn({ reference: getErrorReference(error), ...error.toJSON() })}
   */
  onError?: (error: ApiError, info: ErrorInfo) => void;
  /**
   * Called when the boundary resets, before the children render again.
   * @example onReset={({ reason }) => reason === 'imperative-api' && form.reset()}
   */
  onReset?: (details: ResetDetails) => void;
  /**
   * The boundary resets when any of these change (compared with `Object.is`).
   * @example resetKeys={[tplId]}
   */
  resetKeys?: readonly unknown[];
  /** The failed work was a write; see `ApiErrorView`'s `write`. */
  write?: boolean;
}

/**
 * At most one of `fallback`, `fallbackRender` and `FallbackComponent`; with none, the localized
 * page view of the error, whose "retry" resets the boundary.
 */
export type ApiErrorBoundaryProps = PropsWithChildren<SharedProps> &
  (
    | { fallback?: never; fallbackRender?: never; FallbackComponent?: never }
    | {
        /** @example fallback={<p>Could not load the form.</p>} */
        fallback: ReactNode;
        fallbackRender?: never;
        FallbackComponent?: never;
      }
    | {
        /** @example fallbackRender={({ error, resetErrorBoundary }) => <MyError error={error} onRetry={resetErrorBoundary} />} */
        fallbackRender: (props: FallbackProps) => ReactNode;
        fallback?: never;
        FallbackComponent?: never;
      }
    | {
        /** @example FallbackComponent={MyError} */
        FallbackComponent: ComponentType<FallbackProps>;
        fallback?: never;
        fallbackRender?: never;
      }
  );

// What was thrown becomes an `ApiError` once per thrown value, so that the fallback gets the same
// object on every render (its countdown and reference stay put).
const converted = new WeakMap<object, ApiError>();
function asApiError(thrown: unknown): ApiError {
  if (typeof thrown !== 'object' || thrown === null) return toApiError(thrown);
  const known = converted.get(thrown) ?? toApiError(thrown);
  converted.set(thrown, known);
  return known;
}

/**
 * The localized page view. "Retry" resets the boundary; so does a completed reconnect, since a
 * 401 has no retry of its own and the children must get their chance with the new key.
 */
function DefaultFallback({ error, resetErrorBoundary, write }: FallbackProps & { write?: boolean }) {
  const { onReauthenticate } = useContext(ApiErrorsContext).handlers;
  const reauthenticate =
    onReauthenticate &&
    (async (failed: ApiError) => {
      if ((await onReauthenticate(failed)) !== false) resetErrorBoundary();
    });
  return (
    <ApiErrorView
      error={error}
      variant="page"
      write={write}
      onRetry={() => resetErrorBoundary()}
      onReauthenticate={reauthenticate}
    />
  );
}

/**
 * Catches what its children throw — API errors and anything else — and shows a localized page
 * view with the action that fixes it (or your fallback). It is react-error-boundary's
 * `ErrorBoundary` (same props, same reset rules) with two additions: the fallback gets an
 * `ApiError`, and a reset also resets React Query's error boundary, so failed queries refetch
 * instead of re-throwing the cached error.
 *
 * @example
 * <ApiErrorBoundary onError={report}>
 *   <FormPage />
 * </ApiErrorBoundary>
 */
export function ApiErrorBoundary({
  children,
  onError,
  onReset,
  resetKeys,
  write,
  fallback,
  fallbackRender,
  FallbackComponent,
}: ApiErrorBoundaryProps) {
  const { reset } = useQueryErrorResetBoundary();
  const renderFallback = ({ error, resetErrorBoundary }: BaseFallbackProps) => {
    const props: FallbackProps = { error: asApiError(error), resetErrorBoundary };
    if (fallbackRender) return fallbackRender(props);
    if (FallbackComponent) return <FallbackComponent {...props} />;
    if (fallback !== undefined) return fallback;
    return <DefaultFallback {...props} write={write} />;
  };
  return (
    <ErrorBoundary
      fallbackRender={renderFallback}
      onError={onError && ((thrown, info) => onError(asApiError(thrown), info))}
      onReset={(details) => {
        reset();
        onReset?.(details);
      }}
      resetKeys={resetKeys && [...resetKeys]}
    >
      {children}
    </ErrorBoundary>
  );
}

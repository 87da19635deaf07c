import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import {
  Component,
  type ComponentType,
  createContext,
  type ErrorInfo,
  type PropsWithChildren,
  type ReactNode,
  useContext,
} from 'react';
import { type ApiError, toApiError } from '../core/index.js';
import { ApiErrorView } from './api-error-view.js';
import { ApiErrorsContext } from './api-errors-provider.js';

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

interface BoundaryContextValue {
  error: ApiError | null;
  resetErrorBoundary: (...args: unknown[]) => void;
}

export const ApiErrorBoundaryContext = createContext<BoundaryContextValue | null>(null);

type InnerProps = ApiErrorBoundaryProps & { resetQueries: () => void };
interface State {
  error: ApiError | null;
}

const changed = (prev: readonly unknown[] = [], next: readonly unknown[] = []) =>
  prev.length !== next.length || prev.some((value, index) => !Object.is(value, next[index]));

class InnerBoundary extends Component<InnerProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(thrown: unknown): State {
    return { error: toApiError(thrown) };
  }

  override componentDidCatch(_thrown: unknown, info: ErrorInfo) {
    if (this.state.error) this.props.onError?.(this.state.error, info);
  }

  override componentDidUpdate(prev: InnerProps, prevState: State) {
    // A key change resets only an error that was already shown, not the one that just came.
    if (this.state.error && prevState.error && changed(prev.resetKeys, this.props.resetKeys)) {
      this.reset({ reason: 'keys', prev: prev.resetKeys, next: this.props.resetKeys });
    }
  }

  resetErrorBoundary = (...args: unknown[]) => {
    if (this.state.error) this.reset({ reason: 'imperative-api', args });
  };

  reset(details: ResetDetails) {
    // Without this, React Query re-throws the cached error instead of refetching.
    this.props.resetQueries();
    this.props.onReset?.(details);
    this.setState({ error: null });
  }

  // One context value per error, so that hooks below re-render only when it changes.
  #context: BoundaryContextValue = { error: null, resetErrorBoundary: this.resetErrorBoundary };

  override render() {
    const { error } = this.state;
    const { children, fallback, fallbackRender, FallbackComponent, write } = this.props;
    if (this.#context.error !== error) this.#context = { error, resetErrorBoundary: this.resetErrorBoundary };
    let content: ReactNode = children;
    if (error) {
      const props: FallbackProps = { error, resetErrorBoundary: this.resetErrorBoundary };
      if (fallbackRender) content = fallbackRender(props);
      else if (FallbackComponent) content = <FallbackComponent {...props} />;
      else if (fallback !== undefined) content = fallback;
      else content = <DefaultFallback {...props} write={write} />;
    }
    return (
      <ApiErrorBoundaryContext.Provider value={this.#context}>{content}</ApiErrorBoundaryContext.Provider>
    );
  }
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
 * view with the action that fixes it (or your fallback). Works with React Query: "retry" resets
 * the queries' error boundary so they refetch instead of re-throwing the cached error.
 *
 * @example
 * <ApiErrorBoundary onError={report}>
 *   <FormPage />
 * </ApiErrorBoundary>
 */
export function ApiErrorBoundary(props: ApiErrorBoundaryProps) {
  const { reset } = useQueryErrorResetBoundary();
  return <InnerBoundary {...props} resetQueries={reset} />;
}

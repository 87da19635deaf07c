import { type ApiError, getRetryAt } from '../../core/index.js';

/**
 * What `ApiErrorView` reads of a mutation: any `useMutation` result fits, `useAddRecord`'s and
 * `useVerifyCertificate`'s included.
 */
export interface ApiMutationState {
  error: unknown;
  /** The error of the last attempt, while React Query is about to send it again. */
  failureReason: unknown;
  isPending: boolean;
  variables?: unknown;
  mutateAsync: (variables: never) => Promise<unknown>;
}

/** What `ApiErrorView` reads of a query: any `useQuery` or `useInfiniteQuery` result fits. */
export interface ApiQueryState {
  error: unknown;
  /** The error of the last attempt, while React Query is about to send it again. */
  failureReason: unknown;
  fetchStatus: 'fetching' | 'paused' | 'idle';
  refetch: () => Promise<unknown>;
}

/** Where a view's error comes from: the error itself, or the mutation or query that has it. */
export type ErrorSource =
  | {
      /**
       * The error to show: an `ApiError` or anything thrown. With none, an inline view renders its
       * (empty) live region, so that the error is announced when it comes.
       * @example <ApiErrorView error={error} onRetry={() => send()} />
       */
      error: unknown;
      mutation?: never;
      query?: never;
    }
  | {
      /**
       * A mutation: its error, or — while React Query sends it again by itself — the wait until it
       * does; its retry sends the same variables again. It is a write unless `write={false}`.
       * @example <ApiErrorView mutation={submit} />
       */
      mutation: ApiMutationState;
      error?: never;
      query?: never;
    }
  | {
      /**
       * A query: its error, or — while React Query retries it — the wait until it does; its retry refetches.
       * @example <ApiErrorView query={template} />
       */
      query: ApiQueryState;
      error?: never;
      mutation?: never;
    };

/** What a view shows, read from its source. */
export interface ResolvedSource {
  error: unknown;
  write: boolean;
  /** React Query will send the request again by itself, at `retryAt` when it is known. */
  retrying: boolean;
  retryAt?: number;
  /** The request came from React Query, which has given up on it. */
  givenUp: boolean;
  onRetry?: (error: ApiError) => unknown;
}

// React Query keeps the last attempt's error in `failureReason` while it is about to send the
// request again (`busy`): that is the error to show, with the wait until its retry.
function fromReactQuery(
  state: { error: unknown; failureReason: unknown },
  busy: boolean,
  write: boolean,
  onRetry: () => unknown,
): ResolvedSource {
  const retrying = busy && state.failureReason != null;
  return {
    error: retrying ? state.failureReason : state.error,
    write,
    retrying,
    retryAt: retrying ? getRetryAt(state.failureReason) : undefined,
    givenUp: !retrying,
    onRetry,
  };
}

/** @internal Reads a view's source: a failure being retried shows its wait, not silence. */
export function resolveSource(source: ErrorSource, write: boolean | undefined): ResolvedSource {
  const { mutation, query } = source;
  if (mutation)
    return fromReactQuery(mutation, mutation.isPending, write ?? true, () =>
      mutation.mutateAsync(mutation.variables as never),
    );
  if (query)
    return fromReactQuery(query, query.fetchStatus === 'fetching', write ?? false, () => query.refetch());
  return { error: source.error, write: write ?? false, retrying: false, givenUp: false };
}

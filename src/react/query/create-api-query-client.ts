import { MutationCache, QueryCache, QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import {
  type ApiError,
  apiRetry,
  apiRetryDelay,
  apiWriteRetry,
  describeError,
  toApiError,
} from '../../core/index.js';

/** 401s and 100315s less than this far apart are one burst: one `onUnauthorized`. */
const UNAUTHORIZED_BURST_MS = 5000;

/** A QueryClient's options; its caches are ours, for `onError` and `onUnauthorized`. */
export interface ApiQueryClientOptions extends Omit<QueryClientConfig, 'queryCache' | 'mutationCache'> {
  /**
   * Called once per burst of 401 / 100315, however many queries fail together.
   * @example createApiQueryClient({ onUnauthorized: () => router.push('/reconnect') })
   */
  onUnauthorized?: (error: ApiError) => void;
  /**
   * Called once for every query or mutation that failed (after its retries), for logging.
   * @example createApiQueryClient({ onError: (error) => logger.warn(error.toJSON()) })
   */
  onError?: (error: ApiError) => void;
}

// A host's option left `undefined` is one it did not set: it must not blank ours.
const defined = <Options extends object>(options: Options | undefined): Partial<Options> =>
  Object.fromEntries(
    Object.entries(options ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<Options>;

/**
 * A QueryClient with this library's retry policy as defaults (reads: `apiRetry`; writes:
 * `apiWriteRetry`; both `apiRetryDelay`) and global error handling in its caches. The host's
 * `defaultOptions` are merged over ours, option by option: a `queries.retry` or `mutations.retry`
 * of its own replaces ours (for its own `useMutation`s too: `retry: 3` there resends writes after
 * a 502; our `useAddRecord` / `useVerifyCertificate` still never do), and everything it does not
 * set stays ours.
 * @example
 * const queryClient = createApiQueryClient({ onUnauthorized: signIn, onError: report });
 * const testClient = createApiQueryClient({ defaultOptions: { queries: { retry: false } } });
 */
export function createApiQueryClient({
  onUnauthorized,
  onError,
  defaultOptions,
  ...config
}: ApiQueryClientOptions = {}): QueryClient {
  let lastUnauthorizedAt = Number.NEGATIVE_INFINITY;
  const handle = (thrown: unknown) => {
    const error = toApiError(thrown);
    onError?.(error);
    const { key } = describeError(error);
    if (key !== '401' && key !== '100315') return;
    const now = Date.now();
    if (now - lastUnauthorizedAt > UNAUTHORIZED_BURST_MS) onUnauthorized?.(error);
    lastUnauthorizedAt = now;
  };
  return new QueryClient({
    ...config,
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      ...defaultOptions,
      queries: { retry: apiRetry, retryDelay: apiRetryDelay, ...defined(defaultOptions?.queries) },
      mutations: { retry: apiWriteRetry, retryDelay: apiRetryDelay, ...defined(defaultOptions?.mutations) },
    },
  });
}

import type { DefaultOptions, MutationKey, QueryClient, QueryKey } from '@tanstack/react-query';
import { apiWriteRetry } from '../../core/index.js';

// The options whose value in our hooks is only a default: the host's QueryClient decides where it
// set one (in `defaultOptions` or with `setQueryDefaults` / `setMutationDefaults`).
const POLICY = ['retry', 'retryDelay', 'throwOnError'] as const;
type Policy = Partial<Record<(typeof POLICY)[number], unknown>>;

function withoutHostSet<Options extends Policy>(options: Options, host: Policy | undefined): Options {
  const kept = { ...options };
  for (const name of POLICY) if (host?.[name] !== undefined) delete kept[name];
  return kept;
}

/**
 * A read's options without the parts of our policy (`retry`, `retryDelay`, `throwOnError`) that
 * the QueryClient sets for this key: options given to a query would otherwise beat its defaults.
 */
export function yieldToHostDefaults<Options extends Policy & { queryKey: QueryKey }>(
  queryClient: QueryClient,
  options: Options,
): Options {
  return withoutHostSet(options, {
    ...queryClient.getDefaultOptions().queries,
    ...queryClient.getQueryDefaults(options.queryKey),
  });
}

// React Query's reading of a `retry` value (query-core's retryer).
type RetryValue = NonNullable<NonNullable<DefaultOptions['mutations']>['retry']>;

function allows(retry: RetryValue, failureCount: number, error: unknown): boolean {
  if (typeof retry === 'function') return retry(failureCount, error as Error);
  if (typeof retry === 'number') return failureCount < retry;
  return retry === true;
}

/**
 * A write's options under the host's defaults, with one exception. `retryDelay` and
 * `throwOnError` are the host's where it set them. `retry` is the host's value *and*
 * `apiWriteRetry`: a host's `retry: 0` stops even our 429 retry, but a host's `retry: 3` never
 * resends a write after a 502, a network failure or a timeout, which may have stored it — a
 * generic retry count cannot know that `addRecord` is not idempotent.
 */
export function yieldWriteToHostDefaults<Options extends Policy & { mutationKey: MutationKey }>(
  queryClient: QueryClient,
  options: Options,
): Options {
  const host = {
    ...queryClient.getDefaultOptions().mutations,
    ...queryClient.getMutationDefaults(options.mutationKey),
  };
  const kept = withoutHostSet(options, host);
  const hostRetry = host.retry;
  if (hostRetry === undefined) return kept;
  return {
    ...kept,
    retry: (failureCount: number, error: unknown) =>
      apiWriteRetry(failureCount, error) && allows(hostRetry, failureCount, error),
  };
}

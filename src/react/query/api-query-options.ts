import {
  type DataTag,
  type InfiniteData,
  type QueryKey,
  queryOptions,
  type UseInfiniteQueryOptions,
} from '@tanstack/react-query';
import type {
  ApiClient,
  FormListRequest,
  FormListResult,
  QrcodeContentRequest,
  QrcodeContentResult,
  QrcodeOperation,
  QrcodeRequest,
  RecordRequest,
  RecordResult,
  RecordsRequest,
  RecordsResult,
  TemplateRequest,
  TemplateResult,
} from '../../client/index.js';
import { type ApiError, apiRetry, apiRetryDelay } from '../../core/index.js';
import { apiQueryKeys } from './api-query-keys.js';

/** The `page_token` cursor of `record/getRecords`; `undefined` for the first page. */
export type RecordsPage = string | undefined;

/** What `apiQueries.recordPages` returns: the options of an infinite query over `page_token`. */
type RecordPagesQueryOptions = UseInfiniteQueryOptions<
  RecordsResult,
  ApiError,
  InfiniteData<RecordsResult, RecordsPage>,
  QueryKey,
  RecordsPage
> & { queryKey: DataTag<QueryKey, InfiniteData<RecordsResult, RecordsPage>, ApiError> };

// Options passed to a query win over the QueryClient's defaults (TanStack's order), so a factory
// that carries this overrides a host's `defaultOptions.queries.retry`; the hooks drop it where the
// host set its own (see `yieldToHostDefaults`).
const READ_POLICY = { retry: apiRetry, retryDelay: apiRetryDelay } as const;

/**
 * Query options per endpoint (TanStack Query's `queryOptions`), keyed by `apiQueryKeys` and carrying
 * our read retry policy (`apiRetry`, `apiRetryDelay`). The same object serves `useQuery`,
 * `useSuspenseQuery`, `queryClient.prefetchQuery` / `ensureQueryData` and router loaders, and the
 * hooks (`useFormTemplate` …) are built on it, so data prefetched with it is what they read.
 * Spread it to change anything: `{ ...apiQueries.template(api, request), retry: false }`.
 * @example
 * loader: () => queryClient.ensureQueryData(apiQueries.template(api, { tpl_id }))
 * const { data } = useSuspenseQuery(apiQueries.template(api, { tpl_id }));
 */
export const apiQueries = {
  /**
   * `record/getFormList`: the forms the key can see.
   * @example queryClient.prefetchQuery(apiQueries.formList(api, { page: 1, page_size: 20 }))
   */
  formList: (client: ApiClient, request: FormListRequest = {}) =>
    queryOptions<FormListResult, ApiError>({
      queryKey: apiQueryKeys.formList(request),
      queryFn: ({ signal }) => client.getFormList(request, { signal }),
      ...READ_POLICY,
    }),

  /**
   * `forms/getTemplate`: the full structure of one form.
   * @example queryClient.ensureQueryData(apiQueries.template(api, { tpl_id }))
   */
  template: (client: ApiClient, request: TemplateRequest) =>
    queryOptions<TemplateResult, ApiError>({
      queryKey: apiQueryKeys.template(request),
      queryFn: ({ signal }) => client.getTemplate(request, { signal }),
      ...READ_POLICY,
    }),

  /**
   * `record/getRecord`: one record.
   * @example useSuspenseQuery(apiQueries.record(api, { record_id, format: 'json' }))
   */
  record: (client: ApiClient, request: RecordRequest) =>
    queryOptions<RecordResult, ApiError>({
      queryKey: apiQueryKeys.record(request),
      queryFn: ({ signal }) => client.getRecord(request, { signal }),
      ...READ_POLICY,
    }),

  /**
   * `record/getRecords` as an infinite query over its `page_token` cursor.
   * @example queryClient.prefetchInfiniteQuery(apiQueries.recordPages(api, { filters }))
   */
  recordPages: (client: ApiClient, request: RecordsRequest = {}): RecordPagesQueryOptions => ({
    queryKey: apiQueryKeys.recordPages(request) as unknown as RecordPagesQueryOptions['queryKey'],
    queryFn: ({ pageParam, signal }) =>
      client.getRecords(pageParam ? { ...request, page_token: pageParam } : request, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.page_token || undefined,
    ...READ_POLICY,
  }),

  /**
   * `qrcodes/getContent`: what a QR code shows.
   * @example queryClient.prefetchQuery(apiQueries.qrcodeContent(api, { qrcode: coding }))
   */
  qrcodeContent: (client: ApiClient, request: QrcodeContentRequest) =>
    queryOptions<QrcodeContentResult, ApiError>({
      queryKey: apiQueryKeys.qrcodeContent(request),
      queryFn: ({ signal }) => client.getQrcodeContent(request, { signal }),
      ...READ_POLICY,
    }),

  /**
   * `qrcodes/getOperation`: the operations linked to a code.
   * @example queryClient.prefetchQuery(apiQueries.qrcodeOperations(api, { qrcode: coding }))
   */
  qrcodeOperations: (client: ApiClient, request: QrcodeRequest) =>
    queryOptions<QrcodeOperation[], ApiError>({
      queryKey: apiQueryKeys.qrcodeOperations(request),
      queryFn: ({ signal }) => client.getQrcodeOperation(request, { signal }),
      ...READ_POLICY,
    }),
};

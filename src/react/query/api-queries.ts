import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
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
import { type ApiError, describeError } from '../../core/index.js';
import { useApiClient } from './api-client-provider.js';
import { apiQueries, type RecordsPage } from './api-query-options.js';
import { yieldToHostDefaults } from './host-defaults.js';

/**
 * Any React Query option; each overrides ours and the QueryClient's defaults. Without them, a read
 * hook uses `apiRetry`, `apiRetryDelay` and `throwPageErrors` only where the QueryClient has no
 * `retry`, `retryDelay` or `throwOnError` of its own (`defaultOptions.queries` or
 * `setQueryDefaults`): a host's `retry: 0` holds for our hooks too.
 * @example useFormTemplate({ tpl_id }, { staleTime: 60_000, retry: false })
 */
export type ApiQueryOptions<Result, Data = Result> = Partial<
  UseQueryOptions<Result, ApiError, Data, QueryKey>
>;

/**
 * Our default `throwOnError`: errors whose catalog scope is `page` (not found, 401, 502 after its
 * retries …) go to the nearest `ApiErrorBoundary`; inline and field errors stay on the query
 * for display where they happened.
 */
export const throwPageErrors = (error: unknown): boolean => describeError(error).scope === 'page';

// Built on the factories, so what `prefetchQuery(apiQueries.x(…))` stored is what the hook reads.
function useApiQuery<Result, Data>(
  factory: (client: ApiClient) => UseQueryOptions<Result, ApiError, Result, QueryKey>,
  options: ApiQueryOptions<Result, Data> | undefined,
): UseQueryResult<Data, ApiError> {
  const ours = { ...factory(useApiClient()), throwOnError: throwPageErrors };
  return useQuery<Result, ApiError, Data, QueryKey>({
    ...(yieldToHostDefaults(useQueryClient(), ours) as UseQueryOptions<Result, ApiError, Data, QueryKey>),
    ...options,
  });
}

/**
 * `record/getFormList`: the forms the key can see.
 * @example const { data } = useFormList({ page: 1, page_size: 20 });
 */
export function useFormList<Data = FormListResult>(
  request: FormListRequest = {},
  options?: ApiQueryOptions<FormListResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery((client) => apiQueries.formList(client, request), options);
}

/**
 * `forms/getTemplate`: the full structure of one form.
 * @example const { data } = useFormTemplate({ tpl_id }, { select: (result) => result.data.groups });
 */
export function useFormTemplate<Data = TemplateResult>(
  request: TemplateRequest,
  options?: ApiQueryOptions<TemplateResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery((client) => apiQueries.template(client, request), options);
}

/**
 * `record/getRecord`: one record.
 * @example const { data } = useRecord({ record_id, format: 'json' });
 */
export function useRecord<Data = RecordResult>(
  request: RecordRequest,
  options?: ApiQueryOptions<RecordResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery((client) => apiQueries.record(client, request), options);
}

/**
 * `qrcodes/getContent`: what a QR code shows.
 * @example const { data } = useQrcodeContent({ qrcode: coding });
 */
export function useQrcodeContent<Data = QrcodeContentResult>(
  request: QrcodeContentRequest,
  options?: ApiQueryOptions<QrcodeContentResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery((client) => apiQueries.qrcodeContent(client, request), options);
}

/**
 * `qrcodes/getOperation`: the operations linked to a code.
 * @example const { data: operations = [] } = useQrcodeOperations({ qrcode: coding });
 */
export function useQrcodeOperations<Data = QrcodeOperation[]>(
  request: QrcodeRequest,
  options?: ApiQueryOptions<QrcodeOperation[], Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery((client) => apiQueries.qrcodeOperations(client, request), options);
}

/**
 * Any React Query option of an infinite query; each overrides ours and the QueryClient's defaults,
 * which themselves override our policy as for `ApiQueryOptions`.
 * @example useRecordPages({ filters }, { maxPages: 5 })
 */
export type ApiRecordPagesOptions = Partial<
  UseInfiniteQueryOptions<
    RecordsResult,
    ApiError,
    InfiniteData<RecordsResult, RecordsPage>,
    QueryKey,
    RecordsPage
  >
>;

/**
 * `record/getRecords` as an infinite query over its `page_token` cursor.
 * @example
 * const { data, fetchNextPage, hasNextPage } = useRecordPages({ filters: { record_template: { id: tplId } } });
 * const records = data?.pages.flatMap((page) => page.list) ?? [];
 */
export function useRecordPages(
  request: RecordsRequest = {},
  options?: ApiRecordPagesOptions,
): UseInfiniteQueryResult<InfiniteData<RecordsResult, RecordsPage>, ApiError> {
  const ours = { ...apiQueries.recordPages(useApiClient(), request), throwOnError: throwPageErrors };
  return useInfiniteQuery<
    RecordsResult,
    ApiError,
    InfiniteData<RecordsResult, RecordsPage>,
    QueryKey,
    RecordsPage
  >({ ...yieldToHostDefaults(useQueryClient(), ours), ...options });
}

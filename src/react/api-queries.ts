import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
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
} from '../client/index.js';
import { type ApiError, apiRetry, apiRetryDelay, describeError } from '../core/index.js';
import { useApiClient } from './api-client-provider.js';
import { apiQueryKeys } from './api-query-keys.js';

/** Any React Query option; each overrides ours (`retry`, `retryDelay`, `throwOnError` …). */
export type ApiQueryOptions<Result, Data = Result> = Partial<
  UseQueryOptions<Result, ApiError, Data, QueryKey>
>;

/**
 * Our default `throwOnError`: errors whose catalog scope is `page` (not found, 401, 502 after its
 * retries …) go to the nearest `ApiErrorBoundary`; inline and field errors stay on the query
 * for display where they happened.
 */
export const throwPageErrors = (error: unknown): boolean => describeError(error).scope === 'page';

function useApiQuery<Result, Data>(
  queryKey: QueryKey,
  fetch: (client: ApiClient, signal: AbortSignal) => Promise<Result>,
  options: ApiQueryOptions<Result, Data> | undefined,
): UseQueryResult<Data, ApiError> {
  const client = useApiClient();
  return useQuery<Result, ApiError, Data, QueryKey>({
    queryKey,
    queryFn: ({ signal }) => fetch(client, signal),
    retry: apiRetry,
    retryDelay: apiRetryDelay,
    throwOnError: throwPageErrors,
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
  return useApiQuery(
    apiQueryKeys.formList(request),
    (client, signal) => client.getFormList(request, { signal }),
    options,
  );
}

/**
 * `forms/getTemplate`: the full structure of one form.
 * @example const { data } = useFormTemplate({ tpl_id }, { select: (result) => result.data.groups });
 */
export function useFormTemplate<Data = TemplateResult>(
  request: TemplateRequest,
  options?: ApiQueryOptions<TemplateResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery(
    apiQueryKeys.template(request),
    (client, signal) => client.getTemplate(request, { signal }),
    options,
  );
}

/**
 * `record/getRecord`: one record.
 * @example const { data } = useRecord({ record_id, format: 'json' });
 */
export function useRecord<Data = RecordResult>(
  request: RecordRequest,
  options?: ApiQueryOptions<RecordResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery(
    apiQueryKeys.record(request),
    (client, signal) => client.getRecord(request, { signal }),
    options,
  );
}

/**
 * `qrcodes/getContent`: what a QR code shows.
 * @example const { data } = useQrcodeContent({ qrcode: coding });
 */
export function useQrcodeContent<Data = QrcodeContentResult>(
  request: QrcodeContentRequest,
  options?: ApiQueryOptions<QrcodeContentResult, Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery(
    apiQueryKeys.qrcodeContent(request),
    (client, signal) => client.getQrcodeContent(request, { signal }),
    options,
  );
}

/**
 * `qrcodes/getOperation`: the operations linked to a code.
 * @example const { data: operations = [] } = useQrcodeOperations({ qrcode: coding });
 */
export function useQrcodeOperations<Data = QrcodeOperation[]>(
  request: QrcodeRequest,
  options?: ApiQueryOptions<QrcodeOperation[], Data>,
): UseQueryResult<Data, ApiError> {
  return useApiQuery(
    apiQueryKeys.qrcodeOperations(request),
    (client, signal) => client.getQrcodeOperation(request, { signal }),
    options,
  );
}

type RecordsPage = string | undefined;

/** Any React Query option of an infinite query; each overrides ours. */
export type ApiRecordsOptions = Partial<
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
 * const { data, fetchNextPage, hasNextPage } = useRecords({ filters: { record_template: { id: tplId } } });
 * const records = data?.pages.flatMap((page) => page.list) ?? [];
 */
export function useRecords(
  request: RecordsRequest = {},
  options?: ApiRecordsOptions,
): UseInfiniteQueryResult<InfiniteData<RecordsResult, RecordsPage>, ApiError> {
  const client = useApiClient();
  return useInfiniteQuery<
    RecordsResult,
    ApiError,
    InfiniteData<RecordsResult, RecordsPage>,
    QueryKey,
    RecordsPage
  >({
    queryKey: apiQueryKeys.records(request),
    queryFn: ({ pageParam, signal }) =>
      client.getRecords(pageParam ? { ...request, page_token: pageParam } : request, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.page_token || undefined,
    retry: apiRetry,
    retryDelay: apiRetryDelay,
    throwOnError: throwPageErrors,
    ...options,
  });
}

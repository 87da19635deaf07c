import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AddRecordRequest,
  AddRecordResult,
  ApiClient,
  VerifyCertificateRequest,
  VerifyCertificateResult,
} from '../../client/index.js';
import type { ApiError } from '../../core/index.js';
import { useApiClient } from './api-client-provider.js';
import { type ApiWriteOptions, apiMutations } from './api-mutation-options.js';
import { yieldWriteToHostDefaults } from './host-defaults.js';

/**
 * Any React Query mutation option; each overrides ours and the QueryClient's defaults. Without
 * them, a write hook takes the QueryClient's `retryDelay` and `throwOnError` where it set them,
 * and retries only where both the QueryClient's `retry` (if any) and `apiWriteRetry` allow it:
 * a host's `retry: 3` for mutations does not resend a write after a 502, a network failure or a
 * timeout (the first attempt may have been stored), while a host's `retry: 0` stops even our 429
 * retry.
 * @example useAddRecord({ onSuccess: () => navigate('/done'), retryDelay: 2000 })
 */
export type ApiMutationOptions<Result, Request, Context = unknown> = Partial<
  UseMutationOptions<Result, ApiError, Request, Context>
>;

function useApiMutation<Result, Request, Context>(
  factory: (client: ApiClient) => ApiWriteOptions<Result, Request>,
  options: ApiMutationOptions<Result, Request, Context> | undefined,
): UseMutationResult<Result, ApiError, Request, Context> {
  const ours = { ...factory(useApiClient()), throwOnError: false };
  return useMutation<Result, ApiError, Request, Context>({
    ...(yieldWriteToHostDefaults(useQueryClient(), ours) as UseMutationOptions<
      Result,
      ApiError,
      Request,
      Context
    >),
    ...options,
  });
}

/**
 * `record/addRecord`: submits one record. Retried by itself only after a 429 (nothing was
 * stored); a 502, a network failure or a timeout is left to the person, since the first attempt
 * may have arrived. A double submit of the same payload sends one request. Through a proxy that
 * honours keys (`client.idempotencyKeys`), every resend of the same values carries the same
 * `Idempotency-Key`, so it is stored once; changed values are a new submission with a new key.
 * To keep a submission across a reload, see `useSubmissionDraft`.
 * @example
 * const submit = useAddRecord({ onSuccess: () => navigate('/done') });
 * submit.mutate({ code_id, tpl_id, fields });
 */
export function useAddRecord<Context = unknown>(
  options?: ApiMutationOptions<AddRecordResult, AddRecordRequest, Context>,
): UseMutationResult<AddRecordResult, ApiError, AddRecordRequest, Context> {
  return useApiMutation(apiMutations.addRecord, options);
}

/**
 * Certificate verification (核销), a write with the same retry rules as `useAddRecord`. After a
 * 100329, send it again once the identity action completed (`onCompleteIdentity`).
 * @example
 * const verify = useVerifyCertificate();
 * verify.mutate({ certificate_code, action_type: 'set_next_certificate_status' });
 */
export function useVerifyCertificate<Context = unknown>(
  options?: ApiMutationOptions<VerifyCertificateResult, VerifyCertificateRequest, Context>,
): UseMutationResult<VerifyCertificateResult, ApiError, VerifyCertificateRequest, Context> {
  return useApiMutation(apiMutations.verifyCertificate, options);
}

import { type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query';
import type {
  AddRecordRequest,
  AddRecordResult,
  ApiClient,
  VerifyCertificateRequest,
  VerifyCertificateResult,
} from '../client/index.js';
import { type ApiError, apiRetryDelay, apiWriteRetry } from '../core/index.js';
import { useApiClient } from './api-client-provider.js';

/** Any React Query mutation option; each overrides ours (`retry`, `retryDelay`, `throwOnError` …). */
export type ApiMutationOptions<Result, Request, Context = unknown> = Partial<
  UseMutationOptions<Result, ApiError, Request, Context>
>;

// Writes in flight, per client and payload. A second `mutate` with the same payload — a double
// tap on "submit" — joins the first instead of sending it again. It is checked synchronously
// when React Query calls the mutation function, not through state that would come a render late.
const inFlight = new WeakMap<ApiClient, Map<string, Promise<unknown>>>();

function once<Result>(client: ApiClient, key: string, send: () => Promise<Result>): Promise<Result> {
  const writes = inFlight.get(client) ?? new Map<string, Promise<unknown>>();
  inFlight.set(client, writes);
  const pending = writes.get(key) as Promise<Result> | undefined;
  if (pending) return pending;
  const sent = send().finally(() => writes.delete(key));
  writes.set(key, sent);
  return sent;
}

function useApiMutation<Result, Request, Context>(
  name: 'addRecord' | 'verifyCertificate',
  send: (client: ApiClient, request: Request) => Promise<Result>,
  options: ApiMutationOptions<Result, Request, Context> | undefined,
): UseMutationResult<Result, ApiError, Request, Context> {
  const client = useApiClient();
  return useMutation<Result, ApiError, Request, Context>({
    mutationFn: (request) => once(client, `${name} ${JSON.stringify(request)}`, () => send(client, request)),
    retry: apiWriteRetry,
    retryDelay: apiRetryDelay,
    throwOnError: false,
    ...options,
  });
}

/**
 * `record/addRecord`: submits one record. Retried by itself only after a 429 (nothing was
 * stored); a 502, a network failure or a timeout is left to the person, since the first attempt
 * may have arrived. A double submit of the same payload sends one request.
 * @example
 * const submit = useAddRecord({ onSuccess: () => navigate('/done') });
 * submit.mutate({ code_id, tpl_id, fields });
 */
export function useAddRecord<Context = unknown>(
  options?: ApiMutationOptions<AddRecordResult, AddRecordRequest, Context>,
): UseMutationResult<AddRecordResult, ApiError, AddRecordRequest, Context> {
  return useApiMutation('addRecord', (client, request) => client.addRecord(request), options);
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
  return useApiMutation('verifyCertificate', (client, request) => client.verifyCertificate(request), options);
}

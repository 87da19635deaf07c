import type { UseMutationOptions } from '@tanstack/react-query';
import type {
  AddRecordRequest,
  AddRecordResult,
  ApiClient,
  RequestOptions,
  VerifyCertificateRequest,
  VerifyCertificateResult,
  WriteEndpoint,
} from '../../client/index.js';
import { type ApiError, apiRetryDelay, apiWriteRetry } from '../../core/index.js';
import { apiQueryKeys } from './api-query-keys.js';
import { settleIdempotencyKey, submissionKey, takeIdempotencyKey } from './idempotency-keys.js';

/**
 * What `apiMutations.*` return: `useMutation` options with a `mutationKey`.
 * @example const saving = useIsMutating({ mutationKey: apiMutations.addRecord(api).mutationKey });
 */
export type ApiWriteOptions<Result, Request> = UseMutationOptions<Result, ApiError, Request> & {
  mutationKey: readonly ['caoliao-api', WriteEndpoint];
};

// Writes in flight, per client and payload. A second `mutate` with the same payload — a double
// tap on "submit" — joins the first instead of sending it again. It is checked synchronously
// when React Query calls the mutation function, not through state that would come a render late.
const inFlight = new WeakMap<ApiClient, Map<string, Promise<unknown>>>();

function once<Result>(
  client: ApiClient,
  key: string | undefined,
  send: () => Promise<Result>,
): Promise<Result> {
  if (key === undefined) return send(); // not JSON: the client refuses it with its own error
  const writes = inFlight.get(client) ?? new Map<string, Promise<unknown>>();
  inFlight.set(client, writes);
  const pending = writes.get(key) as Promise<Result> | undefined;
  if (pending) return pending;
  const sent = send().finally(() => writes.delete(key));
  writes.set(key, sent);
  return sent;
}

// One submission, one key: every attempt of the same payload (a 429 retry, the retry button, a
// resumed draft) sends the registry's key, until the outcome is known.
async function sendKeyed<Result, Request>(
  client: ApiClient,
  name: WriteEndpoint,
  request: Request,
  send: (request: Request, options: RequestOptions) => Promise<Result>,
): Promise<Result> {
  if (!client.idempotencyKeys) return send(request, {});
  const idempotencyKey = takeIdempotencyKey(client, name, request);
  try {
    const result = await send(request, { idempotencyKey });
    settleIdempotencyKey(client, name, request);
    return result;
  } catch (error) {
    settleIdempotencyKey(client, name, request, error);
    throw error;
  }
}

// Written out rather than through TanStack's `mutationOptions`, which only exists from 5.82 on:
// our peer range is every 5.x.
function writeOptions<Result, Request>(
  client: ApiClient,
  name: WriteEndpoint,
  send: (request: Request, options: RequestOptions) => Promise<Result>,
): ApiWriteOptions<Result, Request> {
  return {
    mutationKey: [...apiQueryKeys.all, name],
    mutationFn: (request) =>
      once(client, submissionKey(name, request), () => sendKeyed(client, name, request, send)),
    retry: apiWriteRetry,
    retryDelay: apiRetryDelay,
    // Sent even when React Query believes the browser offline: the attempt then fails as a network
    // error, which the page shows and `useSendWhenOnline` keeps. React Query's own pause would hold
    // it in memory only (lost on a reload) and resume it behind the library's back.
    networkMode: 'always',
  };
}

/**
 * Mutation options per write, for `useMutation` (the same as `useMutation`'s `mutationOptions`).
 * Retried by themselves only after a 429 (`apiWriteRetry`); a double submit of the same payload
 * sends one request. When the client sends keys (`client.idempotencyKeys`), every attempt of the
 * same payload carries the same `Idempotency-Key` until it succeeds or is refused (see
 * `idempotencyKeyFor`); a changed payload gets a new one. `useAddRecord` and
 * `useVerifyCertificate` are built on them.
 * @example
 * const submit = useMutation({ ...apiMutations.addRecord(api), onSuccess: () => navigate('/done') });
 * const saving = useIsMutating({ mutationKey: apiMutations.addRecord(api).mutationKey });
 */
export const apiMutations = {
  /**
   * `record/addRecord`: submits one record.
   * @example useMutation(apiMutations.addRecord(api)).mutate({ code_id, tpl_id, fields })
   */
  addRecord: (client: ApiClient) =>
    writeOptions<AddRecordResult, AddRecordRequest>(client, 'addRecord', (request, options) =>
      client.addRecord(request, options),
    ),

  /**
   * Certificate verification (核销).
   * @example useMutation(apiMutations.verifyCertificate(api)).mutate({ certificate_code })
   */
  verifyCertificate: (client: ApiClient) =>
    writeOptions<VerifyCertificateResult, VerifyCertificateRequest>(
      client,
      'verifyCertificate',
      (request, options) => client.verifyCertificate(request, options),
    ),
};

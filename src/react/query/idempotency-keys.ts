import { checkIdempotencyKey, newIdempotencyKey } from '../../client/idempotency-key.js';
import type { ApiClient, Endpoints, WriteEndpoint } from '../../client/index.js';
import { mayHaveBeenStored, toApiError } from '../../core/index.js';
import { payloadText } from './payload-text.js';

// Per client: endpoint + payload → the key of that submission. Small on purpose: an entry outlives
// its write only while the outcome is unknown, and the oldest goes first past this many.
const MAX_ENTRIES = 100;
const registries = new WeakMap<ApiClient, Map<string, string>>();

/** @internal One submission: the endpoint and its payload's text (`undefined` when not JSON). */
export function submissionKey(endpoint: WriteEndpoint, request: unknown): string | undefined {
  const text = payloadText(request);
  return text === undefined ? undefined : `${endpoint} ${text}`;
}

function registryOf(client: ApiClient): Map<string, string> {
  const registry = registries.get(client) ?? new Map<string, string>();
  registries.set(client, registry);
  return registry;
}

/**
 * Seeds the key of one submission, so that the next `useAddRecord`/`useVerifyCertificate` write
 * of this exact payload sends it — e.g. a draft resumed after a reload, with the key its first
 * attempt carried. Throws a `TypeError` for a key that cannot be sent.
 * @example
 * rememberIdempotencyKey(api, 'addRecord', draft.request, draft.idempotencyKey);
 * submit.mutate(draft.request);
 */
export function rememberIdempotencyKey<Name extends WriteEndpoint>(
  client: ApiClient,
  endpoint: Name,
  request: Endpoints[Name]['request'],
  key: string,
): void {
  checkIdempotencyKey('rememberIdempotencyKey', key);
  const slot = submissionKey(endpoint, request);
  if (slot === undefined) return;
  const registry = registryOf(client);
  registry.delete(slot);
  registry.set(slot, key);
  for (const oldest of registry.keys()) {
    if (registry.size <= MAX_ENTRIES) break;
    registry.delete(oldest);
  }
}

/**
 * The key the next write of this exact payload will send, if one is kept: after a failure that
 * may have stored it (a 502, a timeout …), after a 429, or once seeded. Never creates one.
 * @example const key = idempotencyKeyFor(api, 'addRecord', request); // save it with the draft
 */
export function idempotencyKeyFor<Name extends WriteEndpoint>(
  client: ApiClient,
  endpoint: Name,
  request: Endpoints[Name]['request'],
): string | undefined {
  const slot = submissionKey(endpoint, request);
  return slot === undefined ? undefined : registries.get(client)?.get(slot);
}

/** @internal The key of this submission: the kept one, else a new one, kept until it settles. */
export function takeIdempotencyKey(client: ApiClient, endpoint: WriteEndpoint, request: unknown): string {
  const key = idempotencyKeyFor(client, endpoint, request as never) ?? newIdempotencyKey();
  rememberIdempotencyKey(client, endpoint, request as never, key);
  return key;
}

/**
 * @internal After an attempt: the key is dropped once the outcome is known — a success, or a
 * refusal that stored nothing — and kept while a resend must carry it: the write may have been
 * stored, a 429 will be retried, or a 409 says the first attempt is still in flight.
 */
export function settleIdempotencyKey(
  client: ApiClient,
  endpoint: WriteEndpoint,
  request: unknown,
  error?: unknown,
): void {
  if (error !== undefined && mustKeepKey(error)) return;
  const slot = submissionKey(endpoint, request);
  if (slot !== undefined) registries.get(client)?.delete(slot);
}

function mustKeepKey(error: unknown): boolean {
  if (mayHaveBeenStored(error)) return true;
  const { status, code } = toApiError(error);
  return [status, code].some((number) => number === 429 || number === 409);
}

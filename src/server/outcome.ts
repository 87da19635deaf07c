import { envelopeResponse } from './envelope.js';
import type { ProxyLogEntry, ProxyOutcome } from './proxy-log.js';
import { StoreUnavailableError } from './store-unavailable.js';

/** @internal What became of one call, and the answer the browser gets. */
export interface Outcome {
  outcome: ProxyOutcome;
  response: Response;
  upstreamStatus?: number;
  redacted?: boolean;
  idempotency?: ProxyLogEntry['idempotency'];
  failed?: ProxyLogEntry['failed'];
  /** For the log: a fixed text of the proxy's, never an exception's message. */
  detail?: string;
  /** Not logged: an earlier call of the process said the same (`not-configured`). */
  unlogged?: true;
}

/**
 * @internal A refusal of the proxy's own: an envelope of `status`, its `message_detail` in the log too.
 * @example return refuse('invalid', 405, 'only POST is served');
 */
export const refuse = (
  outcome: ProxyOutcome,
  status: number,
  detail?: string,
  errorCode?: number,
): Outcome => ({
  outcome,
  response: envelopeResponse(status, { detail, errorCode }),
  ...(detail !== undefined && { detail }),
});

/**
 * @internal The answer to a throw out of the proxy's own flow (the limits, the idempotency layer,
 * upstream's call): a store that is unavailable gets a 503 with its `Retry-After`, anything else a
 * 500 without details. Nothing of the thrown value reaches the answer or the log but the store
 * operation's name.
 *
 * @example
 * try { return await idempotency.handle(request, endpoint, body, key, scope); } catch (thrown) { return outcomeOfThrow(thrown); }
 */
export function outcomeOfThrow(thrown: unknown): Outcome {
  if (thrown instanceof StoreUnavailableError) {
    const response = envelopeResponse(503, {
      detail: "the proxy's store is unavailable",
      headers: { 'Retry-After': String(thrown.retryAfterSeconds) },
    });
    return {
      outcome: 'store-unavailable',
      response,
      failed: 'store',
      detail: `the store did not answer ${thrown.operation}`,
    };
  }
  return { outcome: 'error', response: envelopeResponse(500), failed: 'proxy' };
}

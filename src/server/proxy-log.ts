import type { EndpointName } from '../client/endpoints.js';

/**
 * What became of one call:
 * - `forwarded`: upstream answered (whatever its status) and the answer was passed on;
 * - `refused`: outside `allow`, or `authorize` said no (401/403);
 * - `invalid`: not a POST, not a JSON object (or nested too deep), too large, too slow to arrive,
 *   or no such endpoint (400/404/405/408/413; `detail` says which);
 * - `limited`: a local 429 of the visitor limit or the organisation's budget;
 * - `upstream-unreachable`, `upstream-timeout`, `upstream-invalid` (a redirect, or an answer over
 *   `maxAnswerBytes`): a 502 of the proxy's own;
 * - `aborted`: the browser went away first;
 * - `store-unavailable`: the store (Redis) failed or passed its deadline where the call could not go
 *   on without it: a 503 envelope with `Retry-After` (`failed: 'store'`, `detail` names the operation);
 * - `error`: something threw that should not have: `authorize`, or the proxy itself (`failed` says
 *   which): a 500 envelope without details;
 * - `not-configured`: the proxy was created without an API key: a 503 envelope (logged once per
 *   process, not per call);
 * - `replayed`: a write resent with its `Idempotency-Key` got the kept outcome, never upstream;
 * - `confirmed`: upstream failed ambiguously, and the proxy found the record stored (200);
 * - `conflict`: the key's first call was still in flight (409), or the key came with another body (422).
 * @example log: (entry) => metrics.increment(`caoliao.proxy.${entry.outcome}`)
 */
export type ProxyOutcome =
  | 'forwarded'
  | 'refused'
  | 'invalid'
  | 'limited'
  | 'upstream-unreachable'
  | 'upstream-timeout'
  | 'upstream-invalid'
  | 'aborted'
  | 'store-unavailable'
  | 'error'
  | 'not-configured'
  | 'replayed'
  | 'confirmed'
  | 'conflict';

/**
 * What became of a write's `Idempotency-Key`:
 * - `kept`: its final outcome (a success, or a refusal the API made) is kept for resends;
 * - `forgotten`: nothing was stored (a 429, a 401, a local refusal), or, for `verifyCertificate`,
 *   nothing can be known: a resend goes upstream again;
 * - `replayed`: the kept outcome answered;
 * - `in-flight`: the first call with the key was still running after the wait (409);
 * - `mismatch`: the key came with a different body (422);
 * - `confirmed`: after an ambiguous failure, the record was found stored;
 * - `not-found`: after an ambiguous failure, no record was found (the outcome stays unknown);
 * - `unchecked`: after an ambiguous failure, the lookup could not be done (the outcome stays unknown).
 * @example if (entry.idempotency?.result === 'confirmed') metrics.increment('caoliao.proxy.saved');
 */
export type IdempotencyResult =
  | 'kept'
  | 'forgotten'
  | 'replayed'
  | 'in-flight'
  | 'mismatch'
  | 'confirmed'
  | 'not-found'
  | 'unchecked';

/**
 * One structured log entry per call (health checks are not logged). It never holds the key, a
 * body, a header, an address or any other personal data.
 *
 * @example
 * createApiProxy({ apiKey, allow: 'form', log: (entry) => console.info(JSON.stringify(entry)) });
 * // {"requestId":"5f1c…","method":"POST","endpoint":"addRecord","outcome":"forwarded","status":200,"upstreamStatus":200,"durationMs":84}
 * // {"requestId":"9b2e…","method":"POST","endpoint":"addRecord","outcome":"replayed","status":200,"idempotency":{"keyHash":"3f9a0c1d2b7e","result":"replayed"},"durationMs":2}
 */
export interface ProxyLogEntry {
  /**
   * The answer's `X-Request-Id`: upstream's when it sent a usable one, else the proxy's own (a
   * UUID). The browser client keeps it on `ApiError`, so a reference read out to support finds
   * this entry.
   */
  requestId: string;
  method: string;
  /** The endpoint the path names, when it names one. */
  endpoint?: EndpointName;
  outcome: ProxyOutcome;
  /** The status the browser got. */
  status: number;
  /** The status upstream answered, when the call reached it. */
  upstreamStatus?: number;
  /** Upstream's answer quoted the API key, and the copy was replaced with `[redacted]`. */
  redacted?: true;
  /**
   * For a write with an `Idempotency-Key`: what became of the key, and the first 12 hex digits of
   * its SHA-256 (never the key itself) to follow one submission's resends.
   */
  idempotency?: { keyHash: string; result: IdempotencyResult };
  /** For `error` and `store-unavailable`: what threw — `authorize`, the `store`, or the `proxy` itself. */
  failed?: 'authorize' | 'store' | 'proxy';
  /**
   * Why the proxy answered as it did, in a fixed text of its own: the `message_detail` of its
   * refusal (`the body is nested deeper than 64 levels` …), or the store operation that failed.
   * Never an exception's message, a value the caller sent, or the key.
   */
  detail?: string;
  /** From the call's arrival to its answer, in whole milliseconds. */
  durationMs: number;
}

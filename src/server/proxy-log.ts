import type { EndpointName } from '../client/endpoints.js';

/**
 * What became of one call:
 * - `forwarded`: upstream answered (whatever its status) and the answer was passed on;
 * - `refused`: outside `allow`, or `authorize` said no (401/403);
 * - `invalid`: not a POST, not a JSON object, too large, or no such endpoint (400/404/405/413);
 * - `limited`: a local 429 of the visitor limit or the organisation's budget;
 * - `upstream-unreachable`, `upstream-timeout`, `upstream-invalid` (a redirect, or an answer over
 *   `maxAnswerBytes`): a 502 of the proxy's own;
 * - `aborted`: the browser went away first;
 * - `error`: `authorize` or the limits' store threw (500).
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
  | 'error';

/**
 * One structured log entry per call (health checks are not logged). It never holds the key, a
 * body, a header, an address or any other personal data.
 *
 * @example
 * createApiProxy({ apiKey, allow: 'form', log: (entry) => console.info(JSON.stringify(entry)) });
 * // {"method":"POST","endpoint":"addRecord","outcome":"forwarded","status":200,"upstreamStatus":200,"durationMs":84}
 */
export interface ProxyLogEntry {
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
  /** From the call's arrival to its answer, in whole milliseconds. */
  durationMs: number;
}

import { DEFAULT_PATHS, type EndpointName } from '../client/index.js';
import { errorBody, gatewayHtml, type HttpAnswer, jsonAnswer } from './responses.js';

/** What the simulator answers: an HTTP answer, or no answer at all (a network failure). */
export type SimulatedAnswer = HttpAnswer | { network: true; delayMs?: number };

/**
 * A failure forced on the next calls of an endpoint, whatever the state says.
 * @example simulator.inject({ endpoint: 'addRecord', status: 502, html: true })
 */
export interface Fault {
  /** Which endpoint; all of them when left out. */
  endpoint?: EndpointName;
  /** For how many calls: a whole number from 1 (default 1; `Infinity` for all). */
  times?: number;
  /**
   * An error envelope with this top-level code, never 0. It is the HTTP status too unless `status`
   * says otherwise, so without a `status` it must be one (400–599); a business code goes in `errorCode`.
   */
  code?: number;
  errorCode?: number;
  message?: string;
  detail?: string;
  /** HTTP status of the answer: 400–599, or 200–599 with a raw `body`. */
  status?: number;
  /** The gateway's bare HTML page instead of an envelope. */
  html?: boolean;
  /** This raw body (a truncated envelope, a proxy's page …). */
  body?: string;
  /** A `Retry-After` header. */
  retryAfter?: string;
  /** No answer at all: the connection is reset. */
  network?: boolean;
  /** Answer after this long (for timeouts, or to see a spinner); `Infinity` never answers. */
  delayMs?: number;
  /**
   * The call goes through first — a valid record is stored, a certificate moves on — and only its
   * answer fails, as this fault says: what a client meets when the gateway gives up after the
   * upstream wrote. Without it, the fault answers before anything changes.
   *
   * @example
   * // Stored, then a 502 page; then stored, then the connection reset; then stored, then no answer.
   * simulator.inject({ endpoint: 'addRecord', stored: true, status: 502, html: true });
   * simulator.inject({ endpoint: 'addRecord', stored: true, network: true });
   * simulator.inject({ endpoint: 'addRecord', stored: true, delayMs: Infinity });
   */
  stored?: boolean;
}

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** The HTTP status a fault answers with: its `status`, else its `code`, else 400. */
const statusOf = (fault: Fault) => fault.status ?? fault.code ?? 400;

function checkNumber(name: string, value: unknown, allowed: (value: number) => boolean, expected: string) {
  if (value === undefined) return;
  if (typeof value !== 'number') throw new TypeError(`fault.${name} must be a number, got ${typeof value}`);
  if (!allowed(value)) throw new RangeError(`fault.${name} must be ${expected}, got ${value}`);
}

/**
 * Throws a `TypeError` or `RangeError` for a fault the simulator cannot apply, so a test that
 * mistypes one fails at once instead of passing against a fault that never fires.
 */
export function checkFault(fault: Fault): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('A fault must be an object');
  const { endpoint, body } = fault;
  if (endpoint !== undefined && !Object.hasOwn(DEFAULT_PATHS, endpoint)) {
    const known = Object.keys(DEFAULT_PATHS).join(', ');
    throw new RangeError(`fault.endpoint must be one of ${known}, got ${String(endpoint)}`);
  }
  if (body !== undefined && typeof body !== 'string') throw new TypeError('fault.body must be a string');
  checkNumber('times', fault.times, (n) => n === Infinity || (isWhole(n) && n >= 1), 'a whole number ≥ 1');
  checkNumber('code', fault.code, (n) => isWhole(n) && n !== 0, 'a whole number other than 0 (success)');
  // An envelope or the gateway's page comes with an error status; a broken success (a truncated
  // `{"code":0,…`) is a raw body with a 2xx.
  const [lowest, range] = body === undefined ? [400, '400–599'] : [200, '200–599'];
  const answerable = (n: number) => isWhole(n) && n >= lowest && n <= 599;
  checkNumber('status', fault.status, answerable, range);
  // Without a status, the code is the HTTP status too (see `statusOf`): 100301 there would make an
  // answer no `Response` can carry.
  if (fault.status === undefined && !fault.network && !answerable(statusOf(fault))) {
    throw new RangeError(
      `fault.code ${fault.code} is also the HTTP status when fault.status is left out, so it must be ${range}; ` +
        'give a status, or put a business code in errorCode (e.g. { code: 400, errorCode: 100301 })',
    );
  }
  checkNumber('delayMs', fault.delayMs, (n) => n >= 0, 'a duration ≥ 0 (or Infinity)');
}

/** The answer a fault forces. */
export function answerFault(fault: Fault): SimulatedAnswer {
  const { delayMs } = fault;
  if (fault.network) return { network: true, delayMs };
  const status = statusOf(fault);
  const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
  if (fault.html)
    return {
      status,
      headers: { ...headers, 'content-type': 'text/html' },
      body: gatewayHtml(status),
      delayMs,
    };
  if (fault.body !== undefined) return { status, headers, body: fault.body, delayMs };
  const envelope = errorBody(fault.code ?? status, fault.errorCode, fault.detail, fault.message);
  return { ...jsonAnswer(status, envelope, headers), delayMs };
}

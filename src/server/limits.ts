import { RateLimiterRes } from 'rate-limiter-flexible';
import { parseRetryAfter } from '../core/retry-after.js';
import { envelopeResponse } from './envelope.js';
import type { Limits, ProxyLimits } from './limits-contract.js';
import type { ProxyStore } from './proxy-store.js';

const DEFAULT_PER_VISITOR = { points: 30, duration: 60 };
const DEFAULT_MAX_WAIT_MS = 10_000;
/** How long an upstream 429 without a usable `Retry-After` holds every instance back. */
const DEFAULT_HOLD_MS = 1_000;
const SHARED_VISITOR = 'shared';

/**
 * @internal The proxy's limits over a store: a per-visitor limit, the organisation's budget and
 * the hold an upstream 429 sets. Throws a `TypeError` on bad options, so a misconfigured proxy
 * fails at start-up, not on its first call.
 *
 * @example
 * const limits = createLimits({ requestsPerSecond: 5 }, createMemoryStore());
 * const refused = (await limits.admitVisitor(request)) ?? (await limits.awaitUpstream(request.signal));
 * if (refused) return refused;
 * const answer = await fetch(upstreamRequest);
 * await limits.learn(answer);
 */
export function createLimits(options: ProxyLimits, store: ProxyStore): Limits {
  const { perVisitor, requestsPerSecond, maxWaitMs, visitorKey } = checked(options);
  const visitors = perVisitor && store.limiter({ keyPrefix: 'visitor', ...perVisitor });
  const window = requestsPerSecond === undefined ? undefined : budgetWindow(requestsPerSecond);
  const budget =
    window && store.limiter({ keyPrefix: 'budget', points: window.points, duration: window.seconds });

  return {
    async admitVisitor(request) {
      if (!visitors) return undefined;
      try {
        await visitors.consume(visitorKey(request) ?? SHARED_VISITOR);
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return tooManyRequests(refusal.msBeforeNext, 'visitor limit');
      }
    },

    async awaitUpstream(signal) {
      const deadline = Date.now() + maxWaitMs;
      for (;;) {
        const held = await store.holdUntil();
        const now = Date.now();
        let wait = held - now;
        let reason = 'upstream asked to wait';
        if (wait <= 0 && budget && window) {
          // One key per window of the wall clock, so no second (or window) of it ever sees more
          // than the budget, where a window opened by the first call could straddle two.
          const windowMs = window.seconds * 1000;
          const index = Math.floor(now / windowMs);
          try {
            await budget.consume(String(index));
            return undefined;
          } catch (refusal) {
            if (!(refusal instanceof RateLimiterRes)) throw refusal;
            wait = (index + 1) * windowMs - now;
            reason = 'organisation budget';
          }
        }
        if (wait <= 0) return undefined;
        if (signal?.aborted) return tooManyRequests(wait, 'request aborted while waiting');
        if (now + wait > deadline) return tooManyRequests(wait, reason);
        await sleep(wait, signal);
      }
    },

    async learn(response) {
      if (response.status !== 429) return;
      const now = Date.now();
      const wait = parseRetryAfter(response.headers.get('Retry-After'), now) ?? DEFAULT_HOLD_MS;
      await store.hold(now + wait);
    },
  };
}

/** The visitor's key by default: the address the host's own edge appended last, else X-Real-IP. */
function defaultVisitorKey(request: Request): string | undefined {
  const forwarded = request.headers
    .get('X-Forwarded-For')
    ?.split(',')
    .map((part) => part.trim());
  return forwarded?.filter(Boolean).at(-1) || request.headers.get('X-Real-IP')?.trim() || undefined;
}

/**
 * The budget as whole points per whole seconds (what the limiters count in), never above the rate:
 * 5/s is 5 per second, 2.5/s is 2 per second, 0.5/s is 1 per 2 seconds, 0.3/s is 1 per 4 seconds.
 */
function budgetWindow(requestsPerSecond: number) {
  return requestsPerSecond >= 1
    ? { points: Math.floor(requestsPerSecond), seconds: 1 }
    : { points: 1, seconds: Math.ceil(1 / requestsPerSecond) };
}

function tooManyRequests(waitMs: number, detail: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return envelopeResponse(429, { detail, headers: { 'Retry-After': String(seconds) } });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function checked(options: ProxyLimits) {
  if (typeof options !== 'object' || options === null) fail('limits must be an object', options);
  const { perVisitor = DEFAULT_PER_VISITOR, requestsPerSecond, maxWaitMs = DEFAULT_MAX_WAIT_MS } = options;
  const { visitorKey = defaultVisitorKey } = options;
  if (perVisitor !== false) {
    if (typeof perVisitor !== 'object' || perVisitor === null) {
      fail('limits.perVisitor must be { points, duration } or false', perVisitor);
    }
    // rate-limiter-flexible counts whole points, and Redis expires keys in whole seconds.
    if (!isWholeAboveZero(perVisitor.points)) {
      fail('limits.perVisitor.points must be a whole number above 0', perVisitor.points);
    }
    if (!isWholeAboveZero(perVisitor.duration)) {
      fail('limits.perVisitor.duration must be a whole number of seconds above 0', perVisitor.duration);
    }
  }
  if (
    requestsPerSecond !== undefined &&
    !(typeof requestsPerSecond === 'number' && Number.isFinite(requestsPerSecond) && requestsPerSecond > 0)
  ) {
    fail('limits.requestsPerSecond must be a number above 0', requestsPerSecond);
  }
  if (!(typeof maxWaitMs === 'number' && Number.isFinite(maxWaitMs) && maxWaitMs >= 0)) {
    fail('limits.maxWaitMs must be a number of milliseconds, 0 or more', maxWaitMs);
  }
  if (typeof visitorKey !== 'function') fail('limits.visitorKey must be a function', visitorKey);
  return { perVisitor, requestsPerSecond, maxWaitMs, visitorKey };
}

function isWholeAboveZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function fail(message: string, value: unknown): never {
  throw new TypeError(`caoliao-api-errors/server: ${message} (got ${describe(value)}).`);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

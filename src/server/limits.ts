import { RateLimiterRes } from 'rate-limiter-flexible';
import { parseRetryAfter } from '../core/retry-after.js';
import { envelopeResponse } from './envelope.js';
import { DEFAULT_MAX_WAIT_MS, type Limits, type ProxyLimits } from './limits-contract.js';
import type { ProxyStore } from './proxy-store.js';
import { sleep } from './sleep.js';

const DEFAULT_PER_VISITOR = { points: 30, duration: 60 };
/** How long an upstream 429 without a usable `Retry-After` holds every instance back. */
const DEFAULT_HOLD_MS = 1_000;
const SHARED_VISITOR = 'shared';
/**
 * A budget learned from an upstream 429 is three quarters of what upstream took in a second: that
 * second's count includes the burst the upstream's bucket held, above its steady rate. It is kept
 * this long after the last 429, then forgotten (the next burst teaches it again).
 */
const LEARNED_MARGIN = 0.75;
const LEARNED_SECONDS = 300;
/** Rates are kept in the store as whole hundredths of a request per second. */
const HUNDREDTHS = 100;
const MANY = 1_000_000_000;

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
  // Upstream answers other than 429, counted per second of the clock, and the budget learned from
  // them at a 429 when none is configured: both shared by every instance through the store.
  const accepted = store.limiter({ keyPrefix: 'accepted', points: MANY, duration: 2 });
  const learned = store.limiter({ keyPrefix: 'learned', points: MANY, duration: LEARNED_SECONDS });

  const budgetNow = async (): Promise<number | undefined> => {
    if (requestsPerSecond !== undefined) return requestsPerSecond;
    const hundredths = (await learned.get('rate'))?.consumedPoints;
    return hundredths ? hundredths / HUNDREDTHS : undefined;
  };

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
        const rate = wait <= 0 ? await budgetNow() : undefined;
        if (rate) {
          // One call per slot of 1/rate seconds of the wall clock, the same slots on every
          // instance: evenly spread, so an upstream token bucket never sees a burst of a second's
          // budget at once, and no second of the clock sees more than the budget.
          const slotMs = 1000 / rate;
          const slot = Math.floor(now / slotMs);
          const slots = store.limiter({ keyPrefix: 'budget', points: 1, duration: Math.ceil(slotMs / 1000) });
          try {
            await slots.consume(`${rate}:${slot}`);
            // A slot taken after it ended (a slow store, a busy process) is not spent late, where it
            // would crowd the next one: the call waits for a slot of its own.
            if (Date.now() < (slot + 1) * slotMs) return undefined;
            continue;
          } catch (refusal) {
            if (!(refusal instanceof RateLimiterRes)) throw refusal;
            wait = Math.ceil((slot + 1) * slotMs - now);
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
      const now = Date.now();
      const second = Math.floor(now / 1000);
      if (response.status !== 429) {
        // An answer taken while a hold is on is the tail of a burst, let through by what the
        // upstream's bucket refilled since its 429: counted, it would teach a rate above the
        // upstream's own. A configured budget needs no counts at all.
        if (requestsPerSecond === undefined && now >= (await store.holdUntil())) {
          await accepted.consume(String(second));
        }
        return;
      }
      const wait = parseRetryAfter(response.headers.get('Retry-After'), now) ?? DEFAULT_HOLD_MS;
      const freshEpisode = now >= (await store.holdUntil());
      await store.hold(now + wait);
      if (requestsPerSecond !== undefined) return;
      // Learn the budget from what upstream took in this second and the one before. The answers of
      // one burst arrive in any order, so within an episode (until the hold ends) the largest
      // count wins; a 429 in a new episode, while the learned budget paces, lowers it.
      const counts = await Promise.all([second, second - 1].map((key) => accepted.get(String(key))));
      const took = Math.max(...counts.map((count) => count?.consumedPoints ?? 0)) * LEARNED_MARGIN;
      const current = await budgetNow();
      let rate = took;
      if (current !== undefined) rate = freshEpisode ? current * LEARNED_MARGIN : Math.max(current, took);
      rate = Math.max(1, rate);
      await learned.set('rate', Math.round(rate * HUNDREDTHS), LEARNED_SECONDS);
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

function tooManyRequests(waitMs: number, detail: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return envelopeResponse(429, { detail, headers: { 'Retry-After': String(seconds) } });
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

import { RateLimiterRes } from 'rate-limiter-flexible';
import { parseRetryAfter } from '../core/retry-after.js';
import { envelopeResponse } from './envelope.js';
import { DEFAULT_MAX_WAIT_MS, type Limits, type ProxyLimits } from './limits-contract.js';
import { createMemoryStore } from './memory-store.js';
import type { ProxyStore } from './proxy-store.js';
import { sleep } from './sleep.js';
import { StoreUnavailableError } from './store-unavailable.js';
import { isTrustProxy, visitorKeyFrom } from './visitor-key.js';

const DEFAULT_PER_VISITOR = { points: 30, duration: 60 };
/**
 * Calls that no visitor key tells apart share one count of this many visitors' points: a visitor
 * cannot multiply their limit by writing headers, and one of them alone needs this many times a
 * visitor's calls to crowd out the others.
 */
const UNIDENTIFIED_VISITORS = 10;
/** How long an upstream 429 without a usable `Retry-After` holds every instance back. */
const DEFAULT_HOLD_MS = 1_000;
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

type Settings = ReturnType<typeof checked>;
/** One look at the hold and the budget: `undefined` to go now, else how long to wait and why. */
type Step = { wait: number; reason: string } | undefined;

/**
 * @internal The proxy's limits over a store: a per-visitor limit, the organisation's budget and
 * the hold an upstream 429 sets. While the store is unavailable (a `StoreUnavailableError`), each
 * call falls back to limits of this instance's own, with its share (`1 / instances`) of the
 * budget and of each visitor's points: the limits never fail for the store. Throws a `TypeError`
 * on bad options, so a misconfigured proxy fails at start-up, not on its first call.
 *
 * @example
 * const limits = createLimits({ requestsPerSecond: 5 }, createMemoryStore());
 * const refused = (await limits.admitVisitor(request)) ?? (await limits.awaitUpstream(request.signal));
 * if (refused) return refused;
 * const answer = await fetch(upstreamRequest);
 * await limits.learn(answer);
 */
export function createLimits(
  options: ProxyLimits,
  store: ProxyStore,
  { instances = 1 }: { instances?: number } = {},
): Limits {
  const settings = checked(options);
  const shared = limitsOver(settings, store);
  const local = limitsOver(shareOf(settings, instances), createMemoryStore());

  return {
    admitVisitor: (request) =>
      orLocally(
        () => shared.admitVisitor(request),
        () => local.admitVisitor(request),
      ),

    async awaitUpstream(signal) {
      const deadline = Date.now() + settings.maxWaitMs;
      for (;;) {
        // Each look goes to the store again: a call that waited locally is paced by the shared
        // budget as soon as the store is back, never let go in a burst.
        const step = await orLocally(shared.step, local.step);
        if (!step) return undefined;
        const { wait, reason } = step;
        if (wait <= 0) continue;
        if (signal?.aborted) return tooManyRequests(wait, 'request aborted while waiting');
        if (Date.now() + wait > deadline) return tooManyRequests(wait, reason);
        await sleep(wait, signal);
      }
    },

    async learn(response) {
      // This instance learns on its own too, for when the store is down.
      await local.learn(response);
      await orLocally(
        () => shared.learn(response),
        async () => {},
      );
    },
  };
}

/** The shared call's result, or the local one's while the store is unavailable. */
async function orLocally<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
  try {
    return await shared();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    return local();
  }
}

/** One instance's share of the limits, for while it keeps them alone. */
function shareOf(settings: Settings, instances: number): Settings {
  const { perVisitor, requestsPerSecond } = settings;
  return {
    ...settings,
    perVisitor: perVisitor && { ...perVisitor, points: Math.ceil(perVisitor.points / instances) },
    requestsPerSecond: requestsPerSecond === undefined ? undefined : requestsPerSecond / instances,
  };
}

/** The limits kept in one store. */
function limitsOver(settings: Settings, store: ProxyStore) {
  const { perVisitor, requestsPerSecond, visitorKey } = settings;
  const visitors = perVisitor && store.limiter({ keyPrefix: 'visitor', ...perVisitor });
  const unidentified =
    perVisitor &&
    store.limiter({
      ...perVisitor,
      keyPrefix: 'unidentified',
      points: perVisitor.points * UNIDENTIFIED_VISITORS,
    });
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
    async admitVisitor(request: Request): Promise<Response | undefined> {
      if (!visitors || !unidentified) return undefined;
      const key = visitorKey(request);
      try {
        await (key === undefined ? unidentified.consume('all') : visitors.consume(key));
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return tooManyRequests(
          refusal.msBeforeNext,
          key === undefined ? 'unidentified visitors limit' : 'visitor limit',
        );
      }
    },

    step: async (): Promise<Step> => {
      const now = Date.now();
      const held = (await store.holdUntil()) - now;
      if (held > 0) return { wait: held, reason: 'upstream asked to wait' };
      const rate = await budgetNow();
      if (!rate) return undefined;
      // One call per slot of 1/rate seconds of the wall clock, the same slots on every instance:
      // evenly spread, so an upstream token bucket never sees a burst of a second's budget at
      // once, and no second of the clock sees more than the budget.
      const slotMs = 1000 / rate;
      const slot = Math.floor(now / slotMs);
      const slots = store.limiter({ keyPrefix: 'budget', points: 1, duration: Math.ceil(slotMs / 1000) });
      try {
        await slots.consume(`${rate}:${slot}`);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { wait: Math.ceil((slot + 1) * slotMs - now), reason: 'organisation budget' };
      }
      // A slot taken after it ended (a slow store, a busy process) is not spent late, where it
      // would crowd the next one: the call waits for a slot of its own.
      return Date.now() < (slot + 1) * slotMs ? undefined : { wait: 0, reason: 'organisation budget' };
    },

    async learn(response: Response): Promise<void> {
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

function tooManyRequests(waitMs: number, detail: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return envelopeResponse(429, { detail, headers: { 'Retry-After': String(seconds) } });
}

function checked(options: ProxyLimits) {
  if (typeof options !== 'object' || options === null) fail('limits must be an object', options);
  const { perVisitor = DEFAULT_PER_VISITOR, requestsPerSecond, maxWaitMs = DEFAULT_MAX_WAIT_MS } = options;
  const { visitorKey, trustProxy } = options;
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
  if (visitorKey !== undefined && typeof visitorKey !== 'function') {
    fail('limits.visitorKey must be a function', visitorKey);
  }
  if (trustProxy !== undefined && !isTrustProxy(trustProxy)) {
    fail('limits.trustProxy must be a whole number of proxies above 0 or a header name', trustProxy);
  }
  if (visitorKey !== undefined && trustProxy !== undefined) {
    fail('limits: give visitorKey or trustProxy, not both');
  }
  return { perVisitor, requestsPerSecond, maxWaitMs, visitorKey: visitorKey ?? visitorKeyFrom(trustProxy) };
}

function isWholeAboveZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function fail(message: string, ...got: [unknown] | []): never {
  const kind = got.length ? ` (got ${kindOf(got[0])})` : '';
  throw new TypeError(`caoliao-api-errors/server: ${message}${kind}.`);
}

/**
 * What kind of value a setting got. Only numbers and booleans are quoted: a string or an object
 * could be the API key, passed to the wrong setting.
 */
function kindOf(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

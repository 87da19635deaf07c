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
 * A budget learned from an upstream 429 is three quarters of the upstream's rate as what it took
 * before the 429 shows it: the most it took in a window of up to `TAKEN_WINDOW_TICKS` ticks ending
 * then, over the window's length plus one second. A bucket that holds a second of its rate takes at
 * most that rate times (window + 1 s), however the burst spread over the window (a slow machine
 * spreads it); counted per second instead, a burst spread over one second would teach the bucket
 * plus a second of refill. It is kept this long after the last 429, then forgotten (the next burst
 * teaches it again).
 */
const LEARNED_MARGIN = 0.75;
const LEARNED_SECONDS = 300;
const TICK_MS = 100;
const TAKEN_WINDOW_TICKS = 20;
/**
 * A call leaves only while this share of its budget slot is still ahead: the moments between the
 * last look at the clock and the call leaving (a busy process, a pause) must not carry it into the
 * next slot, where it would make two in one slot, and more than the budget in a second of the clock.
 */
const DEPARTURE_MARGIN = 0.25;
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
 * const sentAt = Date.now();
 * const answer = await fetch(upstreamRequest);
 * await limits.learn(answer, sentAt);
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

    async learn(response, sentAt = Date.now()) {
      // This instance learns on its own too, for when the store is down.
      await local.learn(response, sentAt);
      await orLocally(
        () => shared.learn(response, sentAt),
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
  // Upstream answers other than 429, counted by the tick their call left in, and the budget
  // learned from them at a 429 when none is configured: both shared by every instance through the
  // store.
  const accepted = store.limiter({
    keyPrefix: 'accepted',
    points: MANY,
    duration: Math.ceil((TAKEN_WINDOW_TICKS * TICK_MS) / 1000) + 1,
  });
  const learned = store.limiter({ keyPrefix: 'learned', points: MANY, duration: LEARNED_SECONDS });

  const budgetNow = async (): Promise<number | undefined> => {
    if (requestsPerSecond !== undefined) return requestsPerSecond;
    const hundredths = (await learned.get('rate'))?.consumedPoints;
    return hundredths ? hundredths / HUNDREDTHS : undefined;
  };

  let storeRoundTripMs = 0;

  /**
   * The upstream's rate as what it took before `now` shows it (see `LEARNED_MARGIN`). Each answer
   * counts in the tick its call left in: the calls that left since a tick began and were answered
   * by `now` were all taken between the two, however a busy machine spread them on the way or
   * bunched their answers on the way back.
   */
  const tookPerSecond = async (now: number): Promise<number> => {
    const tick = Math.floor(now / TICK_MS);
    const counts = await Promise.all(
      Array.from({ length: TAKEN_WINDOW_TICKS }, (_, back) => accepted.get(String(tick - back))),
    );
    let taken = 0;
    let most = 0;
    for (const [back, count] of counts.entries()) {
      taken += count?.consumedPoints ?? 0;
      most = Math.max(most, taken / (((back + 1) * TICK_MS) / 1000 + 1));
    }
    return most;
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
      const [holdUntil, rate] = await Promise.all([store.holdUntil(), budgetNow()]);
      const held = holdUntil - Date.now();
      if (held > 0) return { wait: held, reason: 'upstream asked to wait' };
      if (!rate) return undefined;
      // One call per slot of 1/rate seconds of the wall clock, the same slots on every instance:
      // evenly spread, so an upstream token bucket never sees a burst of a second's budget at
      // once, and no second of the clock sees more than the budget. The slot asked for is the one
      // the store's answer will come in, by how long its last answer took: on a store slower
      // than a slot, the slot current when asking would always be over by the answer.
      const slotMs = 1000 / rate;
      const asked = Date.now();
      const slot = Math.floor((asked + storeRoundTripMs) / slotMs);
      const slots = store.limiter({ keyPrefix: 'budget', points: 1, duration: Math.ceil(slotMs / 1000) });
      try {
        await slots.consume(`${rate}:${slot}`);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { wait: Math.ceil((slot + 1) * slotMs - Date.now()), reason: 'organisation budget' };
      }
      storeRoundTripMs = Date.now() - asked;
      const early = slot * slotMs - Date.now();
      if (early > 0) await sleep(early, undefined);
      // A slot taken too late (a slow store, a busy process) is not spent late, where it would
      // crowd the next one: the call waits for a slot of its own.
      const onTime = Date.now() < (slot + 1 - DEPARTURE_MARGIN) * slotMs;
      return onTime ? undefined : { wait: 0, reason: 'organisation budget' };
    },

    async learn(response: Response, sentAt: number): Promise<void> {
      const now = Date.now();
      if (response.status !== 429) {
        // A configured budget needs no counts at all. An answer is counted at once, so that a 429
        // read with it finds it counted, and taken back when a hold was on: taken then, it is the
        // tail of a burst, let through by what the upstream's bucket refilled since its 429, and
        // would teach a rate above the upstream's own.
        if (requestsPerSecond !== undefined) return;
        const tick = String(Math.floor(Math.min(sentAt, now) / TICK_MS));
        const [heldUntil] = await Promise.all([store.holdUntil(), accepted.consume(tick)]);
        if (now < heldUntil) await accepted.reward(tick);
        return;
      }
      const until = now + (parseRetryAfter(response.headers.get('Retry-After'), now) ?? DEFAULT_HOLD_MS);
      if (requestsPerSecond !== undefined) return store.hold(until);
      // Everything the budget depends on is read at once, and the budget written with the hold: a
      // store slow to answer must not end the hold before the budget that follows it is known.
      const [heldUntil, learnedRate, took] = await Promise.all([
        store.holdUntil(),
        learned.get('rate'),
        tookPerSecond(now),
      ]);
      // The answers of one burst arrive in any order, so within an episode (until the hold ends)
      // the largest estimate wins; a 429 in a new episode, while the learned budget paces, lowers
      // it. A budget written less than a hold ago is this burst's own, written by a 429 learned
      // at the same time as this one, whose hold this one's look may have missed; and a call that
      // left before the budget was written is the burst's tail, however late its 429 came back.
      let rate = took * LEARNED_MARGIN;
      if (learnedRate) {
        const current = learnedRate.consumedPoints / HUNDREDTHS;
        const writtenAt = now - (LEARNED_SECONDS * 1000 - learnedRate.msBeforeNext);
        const freshEpisode = now >= heldUntil && now - writtenAt >= DEFAULT_HOLD_MS && sentAt > writtenAt;
        rate = freshEpisode ? current * LEARNED_MARGIN : Math.max(current, rate);
      }
      const hundredths = Math.round(Math.max(1, rate) * HUNDREDTHS);
      await Promise.all([learned.set('rate', hundredths, LEARNED_SECONDS), store.hold(until)]);
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

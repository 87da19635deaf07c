import { RateLimiterRes } from 'rate-limiter-flexible';
import { parseRetryAfter } from '../core/retry-after.js';
import { createBudgetSlots, type Step } from './budget-slots.js';
import { envelopeResponse } from './envelope.js';
import { createLearnedBudget } from './learned-budget.js';
import { DEFAULT_HOLD_MS, DEFAULT_MAX_WAIT_MS, type Limits, type ProxyLimits } from './limits-contract.js';
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

type Settings = ReturnType<typeof checked>;

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
  const { requestsPerSecond } = settings;
  // A configured budget needs nothing learned, and no counts at all.
  const learned = requestsPerSecond === undefined ? createLearnedBudget(store) : undefined;
  const slots = createBudgetSlots(store);

  return {
    admitVisitor: visitorAdmission(settings, store),

    step: async (): Promise<Step> => {
      const [holdUntil, rate] = await Promise.all([store.holdUntil(), requestsPerSecond ?? learned?.rate()]);
      const held = holdUntil - Date.now();
      if (held > 0) return { wait: held, reason: 'upstream asked to wait' };
      return rate ? slots.take(rate) : undefined;
    },

    async learn(response: Response, sentAt: number): Promise<void> {
      if (response.status !== 429) return learned?.countAccepted(sentAt);
      const now = Date.now();
      const until = now + (parseRetryAfter(response.headers.get('Retry-After'), now) ?? DEFAULT_HOLD_MS);
      return learned ? learned.learnFrom429(sentAt, until) : store.hold(until);
    },
  };
}

/** The per-visitor limit: a local 429 with the exact `Retry-After` for a visitor over it. */
function visitorAdmission({ perVisitor, visitorKey }: Settings, store: ProxyStore) {
  const visitors = perVisitor && store.limiter({ keyPrefix: 'visitor', ...perVisitor });
  const unidentified =
    perVisitor &&
    store.limiter({
      ...perVisitor,
      keyPrefix: 'unidentified',
      points: perVisitor.points * UNIDENTIFIED_VISITORS,
    });
  return async (request: Request): Promise<Response | undefined> => {
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

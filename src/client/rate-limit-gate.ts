import { ApiError, withApiErrorFields } from '../core/api-error.js';
import { scheduleRetry } from '../core/retry-schedule.js';

export interface RateLimitOptions {
  /**
   * Pace requests from the very first one: at most this many per second, and this many at once
   * when the budget is full. Leave some headroom below the server's limit: the first requests of
   * a page (on new connections) reach it later than the ones after them.
   * Without it, the gate paces only after a 429, at a rate it learns from the server's answers.
   * @example createApiClient({ rateLimit: { requestsPerSecond: 4 } })
   */
  requestsPerSecond?: number;
  /**
   * The longest a request may wait at the gate, in milliseconds (default 60 000). A request that
   * would wait longer fails at once with a 429 `ApiError` instead of freezing the client. When a
   * server asks for a longer pause than this, one probe request is let through after this long:
   * only a refused probe extends the pause.
   * @example createApiClient({ rateLimit: { maxWaitMs: 10_000 } })
   */
  maxWaitMs?: number;
}

/** A request let through the gate; `probe` when it tests a hold longer than `maxWaitMs`. */
export interface GatePass {
  probe: boolean;
}

/**
 * The gate every request of one client passes; see `createRateLimitGate`. After `acquire`
 * resolves, the caller reports the request's fate with exactly one of the other three methods.
 */
export interface RateLimitGate {
  /**
   * Resolves when a request may leave. Rejects with a 429 `ApiError` when the wait would pass
   * `maxWaitMs`, and with an `aborted` one when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal, endpoint?: string): Promise<GatePass>;
  /** The server answered something other than 429: it took the request. */
  accepted(pass: GatePass): void;
  /** The server answered 429: close until the horizon, and slow the pace. */
  limited(error: ApiError): void;
  /** No answer came (network failure, timeout, abort): the server told us nothing. */
  unanswered(pass: GatePass): void;
}

const PASS: GatePass = { probe: false };
const PROBE: GatePass = { probe: true };

interface Waiter {
  release: (pass: GatePass) => void;
  fail: (error: ApiError) => void;
  deadline: number;
  endpoint: string | undefined;
}

/** How far back accepted answers are remembered to measure the rate the server takes. */
const MEMORY_MS = 60_000;
/** Own back-off when a 429 has no `Retry-After`: 1 s, doubling per episode, at most 30 s. */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A horizon is pushed back by up to this share of the wait, so that many clients don't return at once. */
const HORIZON_JITTER_RATIO = 0.2;
/** Paced releases are delayed by up to this share of the interval. */
const PACE_JITTER_RATIO = 0.25;
/**
 * A measured rate is used at 90 %: pacing at exactly the server's refill rate draws a 429 as soon
 * as one request arrives a few milliseconds early.
 */
const MEASURED_RATE_MARGIN = 0.9;
/**
 * A learned pace never starts below one request a second (nor above a configured one): a fresh
 * client that was refused at once has measured nothing, and pacing it at "one per Retry-After"
 * would never let a steady load through.
 */
const MIN_PER_SECOND = 1;
/**
 * Additive increase, multiplicative decrease (as TCP): each accepted answer adds
 * `PACE_GROWTH / rate` requests per second — about `PACE_GROWTH` per second while the pace is
 * used in full — and a 429 in a new episode cuts the pace to `PACE_DECREASE` of what it was, or
 * to what the server was measured to take, whichever is less.
 */
const PACE_GROWTH = 0.5;
const PACE_DECREASE = 0.7;
/**
 * A pace that measured nothing (the client's first answers were 429s) knows nothing of the
 * server's rate, and additive growth from one a second leaves a backlog for many seconds. It grows
 * as TCP's slow start does instead, each accepted answer adding `SLOW_START_GROWTH` requests per
 * second — doubling about every 0.7 s while the pace is used in full — until a 429 measures it.
 */
const SLOW_START_GROWTH = 1;

const isPositive = (value: unknown): value is number => typeof value === 'number' && value > 0;

/**
 * Creates the client-wide gate. After a 429 nothing leaves before the `Retry-After` horizon (or
 * our own jittered back-off when the header is absent), jittered once per episode. When it opens,
 * the waiting requests leave at a learned pace — as many at once as the server took in one window,
 * then one per interval, with jitter — instead of in one burst that would draw the same 429s
 * again. The pace grows back with every accepted answer (fast from a floor that measured nothing),
 * shrinks with every new 429 episode, and is forgotten once the backlog has drained. The moment the gate opens is recorded on the 429 it was
 * told about (`getRetryAt`), so React Query's retry and the countdown wait for the same moment.
 * A per-query retry cannot do this: each query waits on its own and they all come back together.
 */
export function createRateLimitGate({
  requestsPerSecond,
  maxWaitMs = 60_000,
}: RateLimitOptions = {}): RateLimitGate {
  if (requestsPerSecond !== undefined && !isPositive(requestsPerSecond)) {
    throw new TypeError(`rateLimit.requestsPerSecond must be a positive number, got ${requestsPerSecond}`);
  }
  if (!isPositive(maxWaitMs))
    throw new TypeError(`rateLimit.maxWaitMs must be a positive number, got ${maxWaitMs}`);

  // The pace is a token bucket: `capacity` may leave at once, refilled at `perSecond`.
  // No capacity means no pace: requests leave as soon as the gate is open.
  let capacity = 0;
  let perSecond = 0;
  let tokens = 0;
  let refilledAt = 0;
  let learned = false;
  /** A learned pace is kept at least until then, and grows from `growAfter`. */
  let keepPaceUntil = 0;
  let growAfter = 0;
  /** Whether the pace is the floor, which measured nothing: it grows fast until a 429 measures it. */
  let slowStart = false;
  /** Nothing leaves before the horizon … */
  let horizon = 0;
  /** … but one probe, when the horizon is more than `maxWaitMs` away. */
  let probeAt = Number.POSITIVE_INFINITY;
  let probing = false;
  let episodeJitter = 0;
  let backoffAttempt = 0;
  let lastLimit: ApiError | undefined;
  let acceptedAt: number[] = [];
  let queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const opensAt = () => Math.min(horizon, probeAt);

  const pace = (burst: number, rate: number, at: number, startTokens = burst) => {
    capacity = burst;
    tokens = startTokens;
    perSecond = rate;
    refilledAt = at;
  };
  const configure = (now: number) => {
    learned = false;
    if (requestsPerSecond) pace(Math.max(1, requestsPerSecond), requestsPerSecond, now);
    else capacity = 0;
  };
  // No clock at creation (a client made while rendering, as in Next.js's prerender, may read none): a
  // full bucket refilled at time 0 is still full when first used.
  configure(0);

  const refill = (now: number) => {
    if (now > refilledAt) tokens = Math.min(capacity, tokens + ((now - refilledAt) * perSecond) / 1000);
    refilledAt = Math.max(refilledAt, now);
  };

  const forgetStalePace = (now: number) => {
    if (!learned) return;
    // A learned pace serves to drain a backlog: once it is drained and the budget full again,
    // requests go out unpaced (or at the configured pace). Not at the horizon itself, where the
    // budget is full too but the backlog has not left yet. Under a steady load the pace grows
    // past the load, so the backlog drains and the learned limit expires.
    refill(now);
    if (!queue.length && now >= keepPaceUntil && tokens >= capacity) configure(now);
  };

  const take = (now: number): GatePass | undefined => {
    if (probing) return undefined;
    if (now < horizon) {
      if (now < probeAt) return undefined;
      probing = true;
      return PROBE;
    }
    if (!capacity) return PASS;
    refill(now);
    if (tokens < 1) return undefined;
    tokens -= 1;
    return PASS;
  };

  const schedule = (now: number) => {
    clearTimeout(timer);
    if (!queue.length || probing) return;
    let delay = opensAt() - now;
    if (delay <= 0 && capacity) {
      refill(now);
      const interval = 1000 / perSecond;
      delay = (1 - tokens) * interval + Math.random() * interval * PACE_JITTER_RATIO;
    }
    timer = setTimeout(
      () => {
        const now = Date.now();
        forgetStalePace(now);
        for (
          let pass = queue.length ? take(now) : undefined;
          pass;
          pass = queue.length ? take(now) : undefined
        ) {
          queue.shift()?.release(pass);
        }
        schedule(now);
      },
      Math.max(0, Math.ceil(delay)),
    );
  };

  /** `error` with the honest wait, recorded as the moment React Query's retry should aim for. */
  const heldFor = (error: ApiError, waitMs: number, endpoint = error.endpoint) => {
    const held = withApiErrorFields(error, { endpoint, retryAfterMs: Math.ceil(waitMs) });
    scheduleRetry(held, waitMs);
    return held;
  };

  return {
    acquire(signal, endpoint) {
      const now = Date.now();
      forgetStalePace(now);
      const pass = queue.length ? undefined : take(now);
      if (pass) return Promise.resolve(pass);

      const pacing = capacity ? (Math.max(0, queue.length + 1 - tokens) * 1000) / perSecond : 0;
      const wait = (probing ? 0 : Math.max(0, opensAt() - now)) + pacing;
      if (wait > maxWaitMs) {
        const limit =
          lastLimit ??
          new ApiError({ kind: 'api', code: 429, detail: 'Held back by the client’s rate limit' });
        return Promise.reject(heldFor(limit, wait, endpoint));
      }
      const aborted = () => new ApiError({ kind: 'aborted', endpoint, cause: signal?.reason });
      if (signal?.aborted) return Promise.reject(aborted());

      return new Promise<GatePass>((resolve, reject) => {
        const onAbort = () => {
          queue = queue.filter((other) => other !== waiter);
          schedule(Date.now());
          reject(aborted());
        };
        const waiter: Waiter = {
          deadline: now + maxWaitMs,
          endpoint,
          release: (pass) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(pass);
          },
          fail: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        schedule(now);
      });
    },

    accepted({ probe }) {
      const now = Date.now();
      if (probe) {
        // The server took the probe: its long pause is over.
        probing = false;
        horizon = 0;
        probeAt = Number.POSITIVE_INFINITY;
      }
      acceptedAt = [...acceptedAt.filter((time) => time > now - MEMORY_MS), now];
      if (now >= horizon) backoffAttempt = 0;
      if (learned && now >= growAfter) {
        refill(now);
        const growth = slowStart ? SLOW_START_GROWTH : PACE_GROWTH / perSecond;
        perSecond = Math.min(perSecond + growth, requestsPerSecond ?? Infinity);
      }
      schedule(now);
    },

    unanswered({ probe }) {
      if (!probe) return;
      // The probe learnt nothing: the next request waiting is the next probe.
      probing = false;
      schedule(Date.now());
    },

    limited(error) {
      const now = Date.now();
      probing = false;
      const freshEpisode = now >= horizon;
      let wait = error.retryAfterMs;
      if (wait === undefined) {
        if (freshEpisode) backoffAttempt += 1;
        const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (backoffAttempt - 1));
        wait = ceiling / 2 + (Math.random() * ceiling) / 2;
      }
      if (freshEpisode) episodeJitter = Math.random() * wait * HORIZON_JITTER_RATIO;
      horizon = Math.max(horizon, now + wait + episodeJitter);
      probeAt = horizon - now > maxWaitMs ? now + maxWaitMs : Number.POSITIVE_INFINITY;
      lastLimit = error;

      // Measure the pace from what the server took in the last window. The answers of one burst
      // arrive in any order, so within an episode the largest count wins.
      const window = Math.min(Math.max(wait, 1000), MEMORY_MS);
      const accepted = acceptedAt.filter((time) => time > now - window).length;
      const measured = ((accepted * 1000) / window) * MEASURED_RATE_MARGIN;
      let rate = measured;
      if (learned)
        rate = freshEpisode ? Math.min(measured, perSecond * PACE_DECREASE) : Math.max(measured, perSecond);
      rate = Math.min(Math.max(MIN_PER_SECOND, rate), requestsPerSecond ?? Number.POSITIVE_INFINITY);
      const burst = Math.max(1, accepted, freshEpisode || !learned ? 0 : capacity);
      // By the horizon the server has refilled only what it refills during the wait: with a short
      // back-off, less than a whole window's burst.
      const refilled = Math.max(1, Math.floor((burst * Math.min(wait, window)) / window));
      pace(burst, rate, opensAt(), refilled);
      learned = true;
      const opens = opensAt();
      keepPaceUntil = opens + window;
      // A rate measured from what the server took is trusted for one window before growing; the
      // floor, which measured nothing, grows at once, in slow start.
      growAfter = accepted ? keepPaceUntil : opens;
      slowStart = !accepted;
      scheduleRetry(error, opens - now);
      queue = queue.filter((waiter) => {
        if (waiter.deadline >= opens) return true;
        waiter.fail(heldFor(error, opens - now, waiter.endpoint));
        return false;
      });
      schedule(now);
    },
  };
}

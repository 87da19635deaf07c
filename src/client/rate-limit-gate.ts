import { ApiError, withApiErrorFields } from '../core/api-error.js';

export interface RateLimitOptions {
  /**
   * Pace requests from the very first one: at most this many per second, and this many at once
   * when the budget is full. Leave some headroom below the server's limit: the first requests of
   * a page (on new connections) reach it later than the ones after them.
   * Without it, the gate paces only after a 429, at the rate the server was seen to accept.
   * @example createApiClient({ rateLimit: { requestsPerSecond: 4 } })
   */
  requestsPerSecond?: number;
  /**
   * The longest a request may wait at the gate, in milliseconds (default 60 000). A request that
   * would wait longer fails at once with a 429 `ApiError` instead of freezing the client.
   * @example createApiClient({ rateLimit: { maxWaitMs: 10_000 } })
   */
  maxWaitMs?: number;
}

/** The gate every request of one client passes; see `createRateLimitGate`. */
export interface RateLimitGate {
  /**
   * Resolves when a request may leave. Rejects with a 429 `ApiError` when the wait would pass
   * `maxWaitMs`, and with an `aborted` one when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal, endpoint?: string): Promise<void>;
  /** The server answered something other than 429: it accepted the request. */
  accepted(): void;
  /** The server answered 429: close until the horizon, and learn the rate it accepts. */
  limited(error: ApiError): void;
}

interface Waiter {
  release: () => void;
  fail: (error: ApiError) => void;
  deadline: number;
}

/** How far back accepted answers are remembered to learn the server's rate. */
const MEMORY_MS = 60_000;
/** Own back-off when a 429 has no `Retry-After`: 1 s, doubling per episode, at most 30 s. */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A horizon is pushed back by up to this share of the wait, so that many clients don't return at once. */
const HORIZON_JITTER_RATIO = 0.2;
/** Paced releases are delayed by up to this share of the interval. */
const PACE_JITTER_RATIO = 0.25;
/**
 * A learned rate is used at 90 %: pacing at exactly the server's refill rate draws a 429 as soon
 * as one request arrives a few milliseconds early.
 */
const LEARNED_RATE_MARGIN = 0.9;

const isPositive = (value: unknown): value is number => typeof value === 'number' && value > 0;

/**
 * Creates the client-wide gate. After a 429 nothing leaves before the `Retry-After` horizon (or
 * our own jittered back-off when the header is absent). When it opens, the waiting requests leave
 * at the pace the server was seen to accept — as many at once as it accepted in one window, then
 * one per interval, with jitter — instead of in one burst that would draw the same 429s again.
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

  // The pace is a token bucket: `capacity` may leave at once, refilled at `refillPerMs`.
  // No capacity means no pace: requests leave as soon as the horizon has passed.
  let capacity = 0;
  let refillPerMs = 0;
  let tokens = 0;
  let refilledAt = 0;
  let learned = false;
  /** A learned pace is kept at least until then: one window after the horizon. */
  let keepPaceUntil = 0;
  let horizon = 0;
  let episodeJitter = 0;
  let backoffAttempt = 0;
  let lastLimit: ApiError | undefined;
  let acceptedAt: number[] = [];
  let queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pace = (burst: number, perMs: number, at: number, startTokens = burst) => {
    capacity = burst;
    tokens = startTokens;
    refillPerMs = perMs;
    refilledAt = at;
  };
  const configure = (now: number) => {
    learned = false;
    if (requestsPerSecond) pace(Math.max(1, requestsPerSecond), requestsPerSecond / 1000, now);
    else capacity = 0;
  };
  configure(Date.now());

  const refill = (now: number) => {
    if (now > refilledAt) tokens = Math.min(capacity, tokens + (now - refilledAt) * refillPerMs);
    refilledAt = Math.max(refilledAt, now);
  };

  const take = (now: number) => {
    if (now < horizon) return false;
    if (!capacity) return true;
    refill(now);
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const schedule = (now: number) => {
    clearTimeout(timer);
    if (!queue.length) return;
    let delay = horizon - now;
    if (delay <= 0 && capacity) {
      refill(now);
      const interval = 1 / refillPerMs;
      delay = (1 - tokens) * interval + Math.random() * interval * PACE_JITTER_RATIO;
    }
    timer = setTimeout(
      () => {
        const now = Date.now();
        while (queue.length && take(now)) queue.shift()?.release();
        schedule(now);
      },
      Math.max(0, Math.ceil(delay)),
    );
  };

  const heldTooLong = (wait: number, endpoint: string | undefined) => {
    const changes = { endpoint, retryAfterMs: Math.ceil(wait) };
    return lastLimit
      ? withApiErrorFields(lastLimit, changes)
      : new ApiError({ kind: 'api', code: 429, detail: 'Held back by the client’s rate limit', ...changes });
  };

  return {
    acquire(signal, endpoint) {
      const now = Date.now();
      if (learned && !queue.length && now >= keepPaceUntil) {
        refill(now);
        // A learned pace only serves to drain one backlog: once it is drained and the budget full
        // again, requests go out unpaced (or at the configured pace) until the next 429. Not at the
        // horizon itself, where the budget is full too but the backlog has not left yet.
        if (tokens >= capacity) configure(now);
      }
      if (!queue.length && take(now)) return Promise.resolve();

      const wait =
        Math.max(0, horizon - now) + (capacity ? Math.max(0, queue.length + 1 - tokens) / refillPerMs : 0);
      if (wait > maxWaitMs) return Promise.reject(heldTooLong(wait, endpoint));
      const aborted = () => new ApiError({ kind: 'aborted', endpoint, cause: signal?.reason });
      if (signal?.aborted) return Promise.reject(aborted());

      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          queue = queue.filter((other) => other !== waiter);
          schedule(Date.now());
          reject(aborted());
        };
        const waiter: Waiter = {
          deadline: now + maxWaitMs,
          release: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          fail: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(withApiErrorFields(error, { endpoint }));
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        schedule(now);
      });
    },

    accepted() {
      const now = Date.now();
      acceptedAt = [...acceptedAt.filter((time) => time > now - MEMORY_MS), now];
      if (now >= horizon) backoffAttempt = 0;
    },

    limited(error) {
      const now = Date.now();
      const freshEpisode = now >= horizon;
      let wait = error.retryAfterMs;
      if (wait === undefined) {
        if (freshEpisode) backoffAttempt += 1;
        const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (backoffAttempt - 1));
        wait = ceiling / 2 + (Math.random() * ceiling) / 2;
      }
      if (freshEpisode) episodeJitter = Math.random() * wait * HORIZON_JITTER_RATIO;
      horizon = Math.max(horizon, now + wait + episodeJitter);
      lastLimit = error;

      // Learn the pace from what the server accepted in the last window. The answers of one burst
      // arrive in any order, so within an episode the largest count wins.
      const window = Math.min(Math.max(wait, 1000), MEMORY_MS);
      const accepted = acceptedAt.filter((time) => time > now - window).length;
      const burst = Math.max(1, accepted, freshEpisode || !learned ? 0 : capacity);
      // By the horizon the server has refilled only what it refills during the wait: with a short
      // back-off, less than a whole window's burst.
      const refilled = Math.max(1, Math.floor((burst * Math.min(wait, window)) / window));
      pace(burst, (burst / window) * LEARNED_RATE_MARGIN, horizon, refilled);
      learned = true;
      keepPaceUntil = horizon + window;

      queue = queue.filter((waiter) => {
        if (waiter.deadline >= horizon) return true;
        waiter.fail(withApiErrorFields(error, { retryAfterMs: Math.ceil(horizon - now) }));
        return false;
      });
      schedule(now);
    },
  };
}

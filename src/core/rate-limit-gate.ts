import { ApiError, withApiErrorFields } from './api-error.js';

export interface RateLimitOptions {
  /**
   * Pace requests from the very first one: at most this many per second, and at most this many at
   * once when the budget is full. Without it the gate paces only after a 429, at the rate the
   * server was seen to accept.
   * @example createApiClient({ rateLimit: { requestsPerSecond: 5 } })
   */
  requestsPerSecond?: number;
  /**
   * The longest a request may wait at the gate, in milliseconds (default 60 000). A request that
   * would wait longer fails at once with a 429 `ApiError` instead of freezing the client.
   */
  maxWaitMs?: number;
}

interface Bucket {
  capacity: number;
  refillPerMs: number;
  tokens: number;
  updatedAt: number;
}

interface Waiter {
  release: () => void;
  fail: (error: ApiError) => void;
  deadline: number;
}

const DEFAULT_MAX_WAIT_MS = 60_000;
/** How far back accepted answers are remembered to learn the server's rate. */
const MEMORY_MS = 60_000;
/** Own back-off when a 429 has no `Retry-After`: 1 s, doubling per episode, at most 30 s. */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A horizon is pushed back by up to this share of the wait so that many clients don't return at once. */
const HORIZON_JITTER_RATIO = 0.2;
/** Paced releases are delayed by up to this share of the interval. */
const PACE_JITTER_RATIO = 0.25;
/**
 * A learned rate is used at 90 %: pacing at exactly the server's refill rate draws a 429 as soon
 * as one request arrives a few milliseconds early.
 */
const LEARNED_RATE_MARGIN = 0.9;

const isPositiveNumber = (value: unknown): value is number =>
  typeof value === 'number' && value > 0 && !Number.isNaN(value);

/**
 * The client-wide gate every request of one client passes. After a 429 nothing leaves before the
 * `Retry-After` horizon (or our own jittered back-off when the header is absent); when it opens,
 * the waiting requests leave at the rate the server was seen to accept — as many at once as it
 * accepted in one window, then one per interval, with jitter — rather than in one burst that
 * would draw the same 429s again. A per-query retry cannot do this: each query waits on its own and
 * they all come back together.
 */
export class RateLimitGate {
  readonly #maxWaitMs: number;
  readonly #configured: Omit<Bucket, 'updatedAt' | 'tokens'> | undefined;
  #bucket: Bucket | undefined;
  #learned = false;
  #horizon = 0;
  #episodeJitter = 0;
  #backoffAttempt = 0;
  #acceptedAt: number[] = [];
  #lastRateLimit: ApiError | undefined;
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions = {}) {
    const { requestsPerSecond, maxWaitMs = DEFAULT_MAX_WAIT_MS } = options;
    if (requestsPerSecond !== undefined && !isPositiveNumber(requestsPerSecond)) {
      throw new TypeError(
        `rateLimit.requestsPerSecond must be a positive number, got ${String(requestsPerSecond)}`,
      );
    }
    if (!isPositiveNumber(maxWaitMs)) {
      throw new TypeError(`rateLimit.maxWaitMs must be a positive number, got ${String(maxWaitMs)}`);
    }
    this.#maxWaitMs = maxWaitMs;
    if (requestsPerSecond) {
      this.#configured = { capacity: Math.max(1, requestsPerSecond), refillPerMs: requestsPerSecond / 1000 };
      this.#bucket = { ...this.#configured, tokens: this.#configured.capacity, updatedAt: Date.now() };
    }
  }

  /**
   * Resolves when a request may leave. Rejects with a 429 `ApiError` when the wait would pass
   * `maxWaitMs`, and with an `aborted` one when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal, endpoint?: string): Promise<void> {
    const now = Date.now();
    this.#forgetLearnedPace(now);
    if (this.#queue.length === 0 && now >= this.#horizon && this.#takeToken(now)) return Promise.resolve();

    const wait = this.#estimateWait(now, this.#queue.length);
    if (wait > this.#maxWaitMs) return Promise.reject(this.#heldTooLong(wait, endpoint));

    const aborted = () => new ApiError({ kind: 'aborted', endpoint, cause: signal?.reason });
    if (signal?.aborted) return Promise.reject(aborted());
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#queue.splice(this.#queue.indexOf(waiter), 1);
        this.#schedule(Date.now());
        reject(aborted());
      };
      const settle = () => signal?.removeEventListener('abort', onAbort);
      const waiter: Waiter = {
        deadline: now + this.#maxWaitMs,
        release: () => {
          settle();
          resolve();
        },
        fail: (error) => {
          settle();
          reject(withApiErrorFields(error, { endpoint }));
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#schedule(now);
    });
  }

  /** Tells the gate the server answered something other than 429: it accepted the request. */
  recordAccepted(): void {
    const now = Date.now();
    this.#acceptedAt.push(now);
    while (this.#acceptedAt.length > 0 && this.#acceptedAt[0] < now - MEMORY_MS) this.#acceptedAt.shift();
    if (now >= this.#horizon) this.#backoffAttempt = 0;
  }

  /** Tells the gate the server answered 429: close until the horizon, and learn its rate. */
  recordRateLimited(error: ApiError): void {
    const now = Date.now();
    const freshEpisode = now >= this.#horizon;
    const wait = error.retryAfterMs ?? this.#backoff(freshEpisode);
    if (freshEpisode) this.#episodeJitter = Math.random() * wait * HORIZON_JITTER_RATIO;
    this.#horizon = Math.max(this.#horizon, now + wait + this.#episodeJitter);
    this.#lastRateLimit = error;

    const window = Math.min(Math.max(wait, 1000), MEMORY_MS);
    const accepted = this.#acceptedAt.filter((time) => time > now - window).length;
    // Within one episode the answers of one burst arrive in any order: keep the largest count.
    const capacity = Math.max(
      1,
      accepted,
      freshEpisode || !this.#learned ? 0 : (this.#bucket?.capacity ?? 0),
    );
    const refillPerMs = (capacity / window) * LEARNED_RATE_MARGIN;
    this.#bucket = { capacity, refillPerMs, tokens: capacity, updatedAt: this.#horizon };
    this.#learned = true;

    for (const waiter of this.#queue.filter(({ deadline }) => deadline < this.#horizon)) {
      this.#queue.splice(this.#queue.indexOf(waiter), 1);
      waiter.fail(withApiErrorFields(error, { retryAfterMs: Math.ceil(this.#horizon - now) }));
    }
    this.#schedule(now);
  }

  #backoff(freshEpisode: boolean): number {
    if (freshEpisode) this.#backoffAttempt += 1;
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (this.#backoffAttempt - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  #refill(now: number): Bucket | undefined {
    const bucket = this.#bucket;
    if (bucket && now > bucket.updatedAt) {
      bucket.tokens = Math.min(
        bucket.capacity,
        bucket.tokens + (now - bucket.updatedAt) * bucket.refillPerMs,
      );
      bucket.updatedAt = now;
    }
    return bucket;
  }

  #takeToken(now: number): boolean {
    const bucket = this.#refill(now);
    if (!bucket) return true;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** When the request at `position` in the queue would leave, from now, ignoring jitter. */
  #estimateWait(now: number, position: number): number {
    const open = Math.max(now, this.#horizon);
    const bucket = this.#refill(now);
    if (!bucket) return open - now;
    const tokensAtOpen = Math.min(
      bucket.capacity,
      bucket.tokens + (open - Math.max(now, bucket.updatedAt)) * bucket.refillPerMs,
    );
    const missing = position + 1 - tokensAtOpen;
    return open - now + Math.max(0, missing / bucket.refillPerMs);
  }

  // A learned pace only serves to drain one backlog: once the queue is empty and the budget full
  // again, requests go out unpaced (or at the configured pace) until the next 429.
  #forgetLearnedPace(now: number): void {
    const bucket = this.#refill(now);
    if (!this.#learned || !bucket || this.#queue.length > 0 || now < this.#horizon) return;
    if (bucket.tokens < bucket.capacity) return;
    this.#learned = false;
    this.#bucket = this.#configured && {
      ...this.#configured,
      tokens: this.#configured.capacity,
      updatedAt: now,
    };
  }

  #heldTooLong(wait: number, endpoint: string | undefined): ApiError {
    const changes = { endpoint, retryAfterMs: Math.ceil(wait) };
    if (this.#lastRateLimit) return withApiErrorFields(this.#lastRateLimit, changes);
    return new ApiError({
      kind: 'api',
      code: 429,
      detail: 'Held back by the client’s rate limit',
      ...changes,
    });
  }

  #schedule(now: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    const bucket = this.#refill(now);
    let delay = Math.max(0, this.#horizon - now);
    if (delay === 0 && bucket && bucket.tokens < 1) {
      const interval = 1 / bucket.refillPerMs;
      delay = (1 - bucket.tokens) * interval + Math.random() * interval * PACE_JITTER_RATIO;
    }
    this.#timer = setTimeout(() => this.#release(), Math.ceil(delay));
  }

  #release(): void {
    this.#timer = undefined;
    const now = Date.now();
    if (now >= this.#horizon) {
      while (this.#queue.length > 0 && this.#takeToken(now)) this.#queue.shift()?.release();
    }
    this.#schedule(now);
  }
}

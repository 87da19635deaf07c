import type { TrustProxy } from './visitor-key.js';

/** How long a call waits for the budget or a hold by default (`ProxyLimits.maxWaitMs`). */
export const DEFAULT_MAX_WAIT_MS = 10_000;
/** How long an upstream 429 without a usable `Retry-After` holds every instance back. */
export const DEFAULT_HOLD_MS = 1_000;

/** The proxy's limits; see `createApiProxy`'s `limits`. */
export interface ProxyLimits {
  /**
   * Each visitor may call at most `points` times per `duration` seconds; over it, a local 429
   * with the exact `Retry-After`. Default `{ points: 30, duration: 60 }`; `false` for none.
   * @example limits: { perVisitor: { points: 10, duration: 60 } }
   */
  perVisitor?: { points: number; duration: number } | false;
  /**
   * The organisation's budget upstream, in requests per second, shared by every instance that
   * shares the store, and spread evenly over each second. Without it the proxy learns one from the
   * upstream's first 429 (and holds every instance until its `Retry-After`).
   * @example limits: { requestsPerSecond: 5 }
   */
  requestsPerSecond?: number;
  /**
   * The longest a call waits for the budget or a hold before the proxy answers a local 429
   * instead (default 10 000 ms).
   */
  maxWaitMs?: number;
  /**
   * Which forwarding header tells the visitor's address: how many proxies of yours append to
   * `X-Forwarded-For` (`1` behind one Nginx or load balancer), or the name of a header your
   * platform sets and overwrites (`'cf-connecting-ip'` behind Cloudflare, `'x-real-ip'` on
   * Vercel). Default: none is trusted, since a visitor can write any of them.
   * @example limits: { trustProxy: 1 }
   */
  trustProxy?: TrustProxy;
  /**
   * Who the visitor is, when you know better than `trustProxy` (a session id, the socket's
   * address); `undefined` for a visitor you cannot tell apart. Calls that nothing identifies
   * share one count of ten visitors' points.
   * @example limits: { visitorKey: (request) => sessionIdOf(request) }
   */
  visitorKey?: (request: Request) => string | undefined;
}

/** @internal What the proxy asks of its limits, in order, for each call it forwards. */
export interface Limits {
  /** A local 429 (with `Retry-After`) when this visitor is over their limit; `undefined` to go on. */
  admitVisitor(request: Request): Promise<Response | undefined>;
  /**
   * Waits for the organisation's budget and any shared hold; a local 429 (with `Retry-After`)
   * when the wait would pass `maxWaitMs` or `signal` aborts first.
   */
  awaitUpstream(signal?: AbortSignal): Promise<Response | undefined>;
  /**
   * Learns from an upstream answer to a call that left at `sentAt` (epoch ms, default now): a 429
   * holds every instance until its `Retry-After`.
   */
  learn(response: Response, sentAt?: number): Promise<void>;
}

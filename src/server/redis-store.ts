import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { aroundLimiterCalls } from './guarded-store.js';
import type { ProxyStore } from './proxy-store.js';

const HOLD_KEY = 'upstream';
/** The longest the client waits between attempts to reconnect. */
const RECONNECT_AT_LEAST_EVERY_MS = 1_000;

/**
 * The proxy's state in Redis, shared by every instance that serves one key: the per-visitor
 * counts, the organisation's budget, the hold an upstream 429 sets and the outcomes of writes
 * sent with an `Idempotency-Key`. Pass an `ioredis` client
 * (an optional peer dependency; the store never closes it). While the client is not connected,
 * each call fails at once rather than waiting in ioredis's offline queue. The client's waits
 * between attempts to reconnect are capped at 1 s (ioredis 6 waits up to 5 s by default), so that
 * the proxy is served again within about a second of Redis's return; a `retryStrategy` that stops
 * reconnecting still does.
 *
 * @param options.keyPrefix - Put before every key, so that several proxies can share one Redis
 *   (default `'caoliao-proxy'`).
 * @example
 * import { Redis } from 'ioredis';
 * const store = createRedisStore(new Redis(process.env.REDIS_URL!));
 * const proxy = createApiProxy({ apiKey, allow: 'form', store });
 */
export function createRedisStore(
  redis: Redis,
  { keyPrefix = 'caoliao-proxy' }: { keyPrefix?: string } = {},
): ProxyStore {
  reconnectPromptly(redis);
  const connected = refusedWhileReconnecting(redis);
  // ioredis is what rate-limiter-flexible expects by default; `useRedisPackage` is for node-redis.
  const limiter: ProxyStore['limiter'] = (options) =>
    aroundLimiterCalls(
      new RateLimiterRedis({
        ...options,
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${options.keyPrefix}`,
      }),
      async (_, call) => {
        connected();
        return call();
      },
    );
  // The hold is a blocked key of a limiter: its TTL is the time left, visible to every instance.
  const holds = limiter({ keyPrefix: 'hold', points: 1, duration: 1 });

  const holdUntil = async () => {
    const held = await holds.get(HOLD_KEY);
    return held && held.msBeforeNext > 0 ? Date.now() + held.msBeforeNext : 0;
  };

  // Values live beside the limiters' keys, under a part of the prefix of their own.
  const valueKey = (key: string) => `${keyPrefix}:kv:${key}`;
  // PX takes whole milliseconds above 0.
  const px = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));

  return {
    limiter,
    holdUntil,
    setIfAbsent: async (key, value, ttlMs) =>
      (await connected().set(valueKey(key), value, 'PX', px(ttlMs), 'NX')) === 'OK',
    get: async (key) => (await connected().get(valueKey(key))) ?? undefined,
    set: async (key, value, ttlMs) => {
      await connected().set(valueKey(key), value, 'PX', px(ttlMs));
    },
    delete: async (key) => {
      await connected().del(valueKey(key));
    },
    ping: async () => {
      await connected().ping();
    },
    hold: async (until) => {
      const ms = until - Date.now();
      // Read, then write: two instances learning different holds at the same moment may keep the
      // shorter one; the worst case is one more upstream 429, which sets the hold again.
      if (ms <= 0 || (await holdUntil()) >= until) return;
      // Whole seconds (Redis EX), rounded up: a hold may end late, never early.
      await holds.block(HOLD_KEY, Math.ceil(ms / 1000));
    },
  };
}

/**
 * Caps the client's waits between attempts to reconnect, keeping its own schedule below that. A
 * client told not to reconnect (`retryStrategy: null`, or a schedule that returns no number) is
 * left so.
 */
function reconnectPromptly(redis: Redis): void {
  const schedule = redis.options.retryStrategy;
  if (typeof schedule !== 'function') return;
  redis.options.retryStrategy = (times) => {
    const wait = schedule(times);
    return typeof wait === 'number' ? Math.min(wait, RECONNECT_AT_LEAST_EVERY_MS) : wait;
  };
}

/**
 * The client, once it is fit for a command: while it reconnects, ioredis would queue each command
 * and send it once Redis is back, long after its caller gave up, so a call is refused at once
 * instead. Its first connection is waited for (within the proxy's deadline), and a lazyConnect
 * client is connected now.
 */
function refusedWhileReconnecting(redis: Redis): () => Redis {
  let lost = false;
  redis.on('close', () => {
    lost = true;
  });
  redis.on('ready', () => {
    lost = false;
  });
  if (redis.status === 'wait') redis.connect().catch(() => {});
  return () => {
    if (redis.status !== 'ready' && (lost || redis.status === 'reconnecting' || redis.status === 'end')) {
      throw new Error(`Redis is not connected (${redis.status})`);
    }
    return redis;
  };
}

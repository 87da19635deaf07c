export { createApiProxy } from './api-proxy.js';
export type { ProxyLimits } from './limits-contract.js';
export { createMemoryStore } from './memory-store.js';
export type { ApiProxy } from './proxy-handler.js';
export type { IdempotencyResult, ProxyLogEntry, ProxyOutcome } from './proxy-log.js';
export {
  type ApiProxyOptions,
  type AuthorizeResult,
  type IdempotencyOptions,
  PROXY_PRESETS,
  type ProxyPreset,
} from './proxy-options.js';
export type { ProxyStore } from './proxy-store.js';
export { createRedisStore } from './redis-store.js';
export type { StoreOutageOptions } from './store-outage-options.js';
export type { TrustProxy } from './visitor-key.js';

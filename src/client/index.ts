export { type ApiClient, type ApiClientOptions, createApiClient, type RequestOptions } from './api-client.js';
export * from './endpoints.js';
export type { RateLimitOptions } from './rate-limit-gate.js';

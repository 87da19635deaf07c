import { guardStore } from './guarded-store.js';
import { createLimits } from './limits.js';
import { createMemoryStore } from './memory-store.js';
import { type ApiProxy, createProxyHandler } from './proxy-handler.js';
import { type ApiProxyOptions, resolveProxyOptions } from './proxy-options.js';
import { resolveStoreOutage } from './store-outage-options.js';

/**
 * Creates the key-holding proxy between the browser client and the 草料 OpenAPI V2: a
 * Web-standard `(request: Request) => Promise<Response>` that serves the allowed endpoints at the
 * end of any path prefix (`/caoliao/api/v2/rpc/forms/getTemplate` …) and a health check at
 * `…/health`. Throws a `TypeError` at once when the options are wrong (never quoting the key).
 *
 * @example
 * // app/caoliao/[...path]/route.ts (Next.js), with createApiClient({ baseUrl: '/caoliao' }) in the browser:
 * const proxy = createApiProxy({ apiKey: process.env.CAOLIAO_API_KEY!, allow: 'form' });
 * export { proxy as GET, proxy as POST };
 *
 * @example
 * // Node: import { serve } from '@hono/node-server';
 * serve({ fetch: createApiProxy({ apiKey: process.env.CAOLIAO_API_KEY!, allow: ['getTemplate', 'addRecord'] }), port: 8787 });
 */
export function createApiProxy(options: ApiProxyOptions): ApiProxy {
  // One store for the limits and the idempotency records: one Redis connection's worth of state,
  // each call to it within a deadline.
  const outage = resolveStoreOutage(options?.storeOutage);
  const store = guardStore(options?.store ?? createMemoryStore(), outage);
  const settings = resolveProxyOptions({ ...options, store });
  const limits = createLimits(options.limits ?? {}, store, outage);
  return createProxyHandler(settings, limits);
}

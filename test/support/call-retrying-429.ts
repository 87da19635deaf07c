import { ApiError, getRetryAt } from '../../src/core/index.js';

/**
 * A browser's call as React Query makes it with `apiRetryDelay`: each 429 is retried at the moment
 * the client's gate opens, up to 50 times. Says whether it was served, how many 429s it met, and
 * when it was not, the error it gave up on.
 * @example const { served, tooMany } = await callRetrying429(() => client.getTemplate({ tpl_id: 1 }));
 */
export async function callRetrying429(
  call: () => Promise<unknown>,
): Promise<{ served: boolean; tooMany: number; gaveUpOn?: unknown }> {
  for (let tooMany = 0; ; tooMany += 1) {
    try {
      await call();
      return { served: true, tooMany };
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 429 || tooMany > 50)
        return { served: false, tooMany, gaveUpOn: error };
      const wait = (getRetryAt(error) ?? 0) - Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
  }
}

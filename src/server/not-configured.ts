import { jsonResponse } from './envelope.js';
import { type Outcome, refuse } from './outcome.js';

/** Whether a call of this process was already logged as `not-configured`: once says it all. */
let loggedInThisProcess = false;

/**
 * @internal The answer of a proxy created without an API key (a route module built where the
 * secret is not set): a 503 envelope, logged for the first such call of the process only.
 *
 * @example
 * if (settings.apiKey === undefined) return notConfigured();
 */
export function notConfigured(): Outcome {
  const outcome = refuse('not-configured', 503, 'the proxy is not configured (no API key)');
  if (loggedInThisProcess) return { ...outcome, unlogged: true };
  loggedInThisProcess = true;
  return outcome;
}

/**
 * @internal The health check of a proxy created without an API key: a 503 naming what is missing,
 * in the health check's own shape, so that a load balancer takes the instance out.
 * @example if (settings.apiKey === undefined) return notConfiguredHealth(request.method);
 */
export function notConfiguredHealth(method: string): Response {
  return jsonResponse(503, method === 'HEAD' ? null : JSON.stringify({ ok: false, down: ['apiKey'] }));
}

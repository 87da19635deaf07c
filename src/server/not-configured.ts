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

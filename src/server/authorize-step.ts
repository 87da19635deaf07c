import type { EndpointName } from '../client/endpoints.js';
import { envelopeResponse } from './envelope.js';
import { type Outcome, refuse } from './outcome.js';
import type { ApiProxyOptions } from './proxy-options.js';

/**
 * @internal Asks the host's `authorize` about one call: `{ scope }` to go on (the identity it
 * established, or `undefined`), else the refusal the browser gets — a 401 stays a 401 (with its
 * `WWW-Authenticate`), any other refusal is a 403; a throw, or an identity that is no non-empty
 * string, is a 500 that names `authorize` in the log (never what it threw).
 *
 * @example
 * const verdict = await authorizeCall(settings.authorize, request, 'addRecord');
 * if ('outcome' in verdict) return verdict; // refused
 * await idempotency.handle(request, 'addRecord', body, key, verdict.scope);
 */
export async function authorizeCall(
  authorize: ApiProxyOptions['authorize'],
  request: Request,
  endpoint: EndpointName,
): Promise<{ scope: string | undefined } | Outcome> {
  if (!authorize) return { scope: undefined };
  const failed = (detail?: string): Outcome => ({
    outcome: 'error',
    response: envelopeResponse(500),
    failed: 'authorize',
    ...(detail && { detail }),
  });
  let verdict: unknown;
  try {
    verdict = await authorize(request, endpoint);
  } catch {
    return failed();
  }
  if (verdict === true) return { scope: undefined };
  if (typeof verdict === 'object' && verdict !== null && 'identity' in verdict) {
    const { identity } = verdict;
    if (typeof identity === 'string' && identity !== '') return { scope: identity };
    // A host bug (a session without its user id): never served unscoped.
    return failed('authorize returned an identity that is not a non-empty string');
  }
  return refusal(verdict);
}

/** The envelope of a refusal by `authorize`: a 401 stays a 401, every other refusal is a 403. */
function refusal(verdict: unknown): Outcome {
  const hostAnswer = verdict instanceof Response ? verdict : undefined;
  const status = hostAnswer?.status === 401 ? 401 : 403;
  const outcome = refuse('refused', status, status === 401 ? 'sign-in required' : 'not authorized');
  const challenge = hostAnswer?.headers.get('www-authenticate');
  if (challenge) outcome.response.headers.set('WWW-Authenticate', challenge);
  hostAnswer?.body?.cancel().catch(() => {});
  return outcome;
}

import type { EndpointName } from '../client/index.js';
import type { SimulatedAnswer } from './fault.js';
import type { Simulator } from './simulator.js';

/**
 * The simulator's answer to one call as the API receives it: the body's text (what is not JSON
 * reaches the simulator as nothing), the key from `Authorization`, the caller from `X-User-Id`.
 * For a server of your own in front of the simulator; the MSW handlers use it too.
 *
 * @example
 * const answer = answerCall(simulator, 'addRecord', await request.text(), request.headers);
 * if ('network' in answer) socket.destroy();
 */
export function answerCall(
  simulator: Simulator,
  endpoint: EndpointName,
  body: string,
  headers: Headers,
): SimulatedAnswer {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    params = undefined;
  }
  const apiKey = headers.get('authorization')?.replace(/^Bearer\s+/i, '') || undefined;
  const user = headers.get('x-user-id') ?? undefined;
  return simulator.handle(endpoint, params, { apiKey, user });
}

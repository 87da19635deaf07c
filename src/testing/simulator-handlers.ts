import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { DEFAULT_PATHS, type EndpointName } from '../client/index.js';
import { answerCall } from './answer-call.js';
import { createSimulator, type Simulator } from './simulator.js';

export interface SimulatorHandlerOptions {
  /** The simulator to answer with (default: a new one with the default state). */
  simulator?: Simulator;
  /** Where the client sends its calls (default `https://open.cli.im`; a path like `/caoliao` for a proxy). */
  baseUrl?: string;
  /** Paths per endpoint, as given to `createApiClient`. */
  paths?: Partial<Record<EndpointName, string>>;
}

/**
 * MSW handlers that answer every endpoint from a simulator — in Node tests (`setupServer`), in the
 * browser and in Storybook (`setupWorker`, `msw-storybook-addon`).
 *
 * @example
 * const simulator = createSimulator();
 * const server = setupServer(...createSimulatorHandlers({ simulator }));
 * simulator.inject({ endpoint: 'addRecord', status: 502, html: true });
 */
export function createSimulatorHandlers({
  simulator = createSimulator(),
  baseUrl = 'https://open.cli.im',
  paths = {},
}: SimulatorHandlerOptions = {}): RequestHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return (Object.keys(DEFAULT_PATHS) as EndpointName[]).map((endpoint) =>
    http.post(`${base}${paths[endpoint] ?? DEFAULT_PATHS[endpoint]}`, async ({ request }) => {
      const answer = answerCall(simulator, endpoint, await request.text(), request.headers);
      if (answer.delayMs) await delay(answer.delayMs === Infinity ? 'infinite' : answer.delayMs);
      if ('network' in answer) return HttpResponse.error();
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
    }),
  );
}

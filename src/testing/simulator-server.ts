/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PATHS, type EndpointName } from '../client/index.js';
import { answerCall } from './answer-call.js';
import { faultsFromJson } from './faults-from-json.js';
import { errorBody, type HttpAnswer, jsonAnswer } from './responses.js';
import { createSimulator, type Simulator } from './simulator.js';

export interface SimulatorServerOptions {
  /** The port on 127.0.0.1 (default 0: a free one, which `url` names). */
  port?: number;
  /** The simulator to answer with (default: a new one with the default world). */
  simulator?: Simulator;
  /** Paths per endpoint, as given to `createApiClient` and `createApiProxy`. */
  paths?: Partial<Record<EndpointName, string>>;
}

export interface SimulatorServer {
  /** `http://127.0.0.1:<port>`: a client's `baseUrl`, a proxy's `upstream`. */
  url: string;
  /** The simulator it answers with: change its state or inject faults from this process too. */
  simulator: Simulator;
  /** Stops listening and ends every connection, an answer still delayed included. */
  close(): Promise<void>;
}

const CONTROL_ROUTES =
  'POST /__simulator/faults, DELETE /__simulator/faults, POST /__simulator/reset, GET /__simulator/health';

const done = (status: number): HttpAnswer => ({ status, headers: {}, body: '' });
const refused = (status: number, error: string) => jsonAnswer(status, { error });

/** The answer to a call of the simulator's own routes, under `/__simulator/`. */
function control(simulator: Simulator, reset: () => void, route: string, body: string): HttpAnswer {
  if (route === 'GET /__simulator/health') return jsonAnswer(200, { ok: true });
  if (route === 'DELETE /__simulator/faults') {
    simulator.clearFaults();
    return done(204);
  }
  if (route === 'POST /__simulator/reset') {
    reset();
    return done(204);
  }
  if (route !== 'POST /__simulator/faults')
    return refused(404, `No such route: ${route}; try ${CONTROL_ROUTES}`);
  try {
    for (const fault of faultsFromJson(body)) simulator.inject(fault);
  } catch (thrown) {
    return refused(400, (thrown as Error).message);
  }
  return done(204);
}

/** Puts the world back as it was when the server started, with no fault pending. */
function resetter(simulator: Simulator): () => void {
  const initial = structuredClone(simulator.state);
  return () => {
    simulator.clearFaults();
    const state = simulator.state as unknown as Record<string, unknown>;
    for (const key of Object.keys(state)) delete state[key];
    Object.assign(state, structuredClone(initial));
  };
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const send = (response: ServerResponse, { status, headers, body }: HttpAnswer) =>
  response.writeHead(status, headers).end(body);

/** After `ms`, unless the connection closes first (the client gave up, or the server closed). */
const after = (request: IncomingMessage, ms: number, then: () => void) => {
  if (ms === Infinity) return;
  const timer = setTimeout(then, ms);
  request.socket.once('close', () => clearTimeout(timer));
};

function listener(simulator: Simulator, paths: SimulatorServerOptions['paths'] = {}) {
  const endpoints = new Map(
    (Object.keys(DEFAULT_PATHS) as EndpointName[]).map((name) => [paths[name] ?? DEFAULT_PATHS[name], name]),
  );
  const reset = resetter(simulator);
  return async (request: IncomingMessage, response: ServerResponse) => {
    const body = await bodyOf(request);
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    if (path.startsWith('/__simulator/'))
      return send(response, control(simulator, reset, `${request.method} ${path}`, body));
    const endpoint = endpoints.get(path);
    if (!endpoint || request.method !== 'POST') return send(response, jsonAnswer(404, errorBody(404)));
    const answer = answerCall(simulator, endpoint, body, headersOf(request));
    after(request, answer.delayMs ?? 0, () =>
      'network' in answer ? request.socket.destroy() : send(response, answer),
    );
  };
}

/**
 * The simulator as an HTTP server on loopback, for end-to-end tests whose app runs in another
 * process: it answers the API's paths as `createSimulatorHandlers` does, and takes faults over HTTP
 * (`POST /__simulator/faults` with one fault or an array, as `inject` takes them, `"Infinity"` for
 * ever; a bad one is a 400 that says why), `DELETE /__simulator/faults` to drop them,
 * `POST /__simulator/reset` for the world as it started, `GET /__simulator/health`. Node only.
 *
 * @example
 * const { url, close } = await createSimulatorServer(); // url: http://127.0.0.1:<a free port>
 * const client = createApiClient({ baseUrl: url });
 * await fetch(`${url}/__simulator/faults`, { method: 'POST', body: '{"endpoint":"addRecord","status":502}' });
 * await close();
 */
export async function createSimulatorServer({
  port = 0,
  simulator = createSimulator(),
  paths,
}: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  // Imported here, not at the top: the testing entry is bundled for browsers too (MSW, Storybook).
  const { createServer } = await import('node:http');
  const serve = listener(simulator, paths);
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (response.headersSent) return request.socket.destroy();
      send(response, refused(500, `The simulator failed: ${(error as Error)?.message ?? error}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    simulator,
    close: () => {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

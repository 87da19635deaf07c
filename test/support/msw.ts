import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const API = 'https://open.cli.im/api/v2/rpc';

/** An MSW server for the file that imports it; every request it did not expect fails the test. */
export function setupMockApi(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export const ok = (data: unknown) => HttpResponse.json({ code: 0, message: 'ok', data });
export const fail = (status: number, body: object, headers: Record<string, string> = {}) =>
  HttpResponse.json(body, { status, headers });

/** Records when each request of a handler arrived, in virtual time when timers are faked. */
export function counted(
  path: string,
  answer: (attempt: number, body: unknown) => Response | Promise<Response>,
) {
  const arrivals: number[] = [];
  const handler = http.post(`${API}/${path}`, async ({ request }) => {
    arrivals.push(Date.now());
    return answer(arrivals.length, await request.json());
  });
  return { handler, arrivals };
}

import type { ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

type Scenario = (response: ServerResponse) => void;

const reply = (
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
};

/** Answers the browser tests give the client: a base URL `/fake-api/<scenario>` picks one. */
const SCENARIOS: Record<string, Scenario> = {
  ok: (response) => reply(response, 200, '{"code":0,"message":"ok","data":{"id":1}}'),
  'bom-100308': (response) =>
    reply(response, 400, '\uFEFF{"code":"400","error_code":"100308","message":"Required field is empty"}'),
  'html-502': (response) =>
    reply(response, 502, '<html><title>502 Bad Gateway</title></html>', { 'content-type': 'text/html' }),
  'retry-after-429': (response) =>
    reply(response, 429, '{"code":429,"message":"Too many requests"}', { 'retry-after': '3' }),
  'login-page-200': (response) =>
    reply(response, 200, '<!doctype html><title>Sign in</title>', { 'content-type': 'text/html' }),
  hang: () => {},
};

/** A Vite dev-server middleware standing in for a same-origin proxy in front of the API. */
export function fakeApi(): Plugin {
  return {
    name: 'fake-api',
    configureServer(server) {
      server.middlewares.use('/fake-api', (request, response) => {
        const scenario = SCENARIOS[request.url?.split('/')[1] ?? ''];
        if (scenario) scenario(response);
        else reply(response, 404, '');
      });
    },
  };
}

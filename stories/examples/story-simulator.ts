import { http, type RequestHandler } from 'msw';
import { STORY_BASE_URL } from '../../.storybook/preview.js';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import { DEFAULT_PATHS, type EndpointName } from '../../src/client/index.js';
import { createApiProxy, type ProxyLogEntry, type ProxyPreset } from '../../src/server/index.js';
import {
  answerCall,
  createSimulator,
  defaultSimulatorState,
  type Simulator,
} from '../../src/testing/index.js';
import { WORLD, type World } from './page-texts.js';

/**
 * The key the stories' proxy holds: a placeholder the simulator is told to accept, so a call that
 * reached it without the proxy's `Authorization` would be refused (401) — never a real key.
 */
const STORY_API_KEY = 'simulator-key-not-a-secret';

const ENDPOINT_AT = new Map(
  (Object.entries(DEFAULT_PATHS) as [EndpointName, string][]).map(([name, path]) => [path, name]),
);

/** The simulator's default world, in the words of `locale`, reachable with the story key only. */
function localizedState(world: World) {
  const state = defaultSimulatorState();
  for (const form of state.forms) {
    form.name = world.formName;
    form.fields.forEach((field, index) => {
      field.field_title = world.fields[index] ?? field.field_title;
    });
  }
  for (const certificate of state.certificates) {
    certificate.statuses = [...world.statuses];
    certificate.status = world.statuses[0] ?? certificate.status;
  }
  state.apiKeys = { [STORY_API_KEY]: { write: true } };
  return state;
}

function waitOut(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const gone = () => {
      clearTimeout(timer);
      reject(new DOMException('The call was cancelled', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', gone);
      resolve();
    }, ms);
    if (signal?.aborted) gone();
    signal?.addEventListener('abort', gone, { once: true });
  });
}

/**
 * The proxy's upstream `fetch`, answered by the simulator in the page itself (no second MSW round
 * trip): the call as the API would see it — the endpoint from the path, the key from
 * `Authorization`, the caller from `X-User-Id` — and the simulator's answer as a `Response`; a
 * network fault is a failed fetch, as an unreachable API is to the proxy.
 */
function simulatorFetch(simulator: Simulator) {
  // Each answer carries an X-Request-Id of the story's own, numbered in call order, as an upstream
  // that sends one would: the proxy keeps it, and a reference on screen is the same in every run
  // (the proxy's own would be a fresh UUID, and no screenshot could match it).
  let calls = 0;
  return async (url: string, init: RequestInit): Promise<Response> => {
    const endpoint = ENDPOINT_AT.get(new URL(url).pathname);
    if (!endpoint)
      return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/html' } });
    const answer = answerCall(simulator, endpoint, String(init.body), new Headers(init.headers));
    if (answer.delayMs) await waitOut(Math.min(answer.delayMs, 2 ** 31 - 1), init.signal);
    if ('network' in answer) throw new TypeError('Failed to fetch');
    calls += 1;
    const headers = new Headers(answer.headers);
    headers.set('X-Request-Id', `story-${endpoint}-${calls}`);
    return new Response(answer.body, { status: answer.status, headers });
  };
}

/**
 * A fresh simulator in `locale`'s words behind the library's real proxy (`createApiProxy` with
 * the page's preset): `proxy` answers a `Request` as a same-origin proxy would. Calls that reached
 * the API are counted per endpoint, and the proxy's log of every call it answered is in `proxied`.
 * @example
 * const api = simulatedApi('en', 'form');
 * createApiClient({ baseUrl: '/caoliao', fetch: (url, init) => api.proxy(new Request(url, init)) });
 */
export function simulatedApi(locale: StoryLocale | unknown = 'zh', allow: ProxyPreset = 'form') {
  const world = WORLD[toStoryLocale(locale)];
  const simulator = createSimulator({ state: localizedState(world) });
  const calls: Partial<Record<EndpointName, number>> = {};
  const counting: Simulator = {
    ...simulator,
    handle(endpoint, body, context) {
      calls[endpoint] = (calls[endpoint] ?? 0) + 1;
      return simulator.handle(endpoint, body, context);
    },
  };
  const proxied: ProxyLogEntry[] = [];
  // One proxy per story: the hold an upstream 429 sets must not outlive its story. One visitor
  // here, so no per-visitor limit; the API's own 429s still pass through and hold the proxy.
  const proxy = createApiProxy({
    apiKey: STORY_API_KEY,
    allow,
    fetch: simulatorFetch(counting),
    limits: { perVisitor: false },
    log: (entry) => proxied.push(entry),
  });
  return { simulator, calls, world, proxied, proxy };
}

/**
 * A fresh simulator per story (`simulatedApi`), its proxy at the client's `baseUrl`: what the
 * page meets is what the proxy makes of the API's answers.
 *
 * @example
 * beforeEach({ msw, globals }) {
 *   simulation = storySimulator(msw, globals.locale, 'desk');
 *   simulation.simulator.inject({ endpoint: 'verifyCertificate', code: 429, retryAfter: '30' });
 * }
 */
export function storySimulator(
  msw: { use: (...handlers: RequestHandler[]) => void },
  locale: StoryLocale | unknown = 'zh',
  allow: ProxyPreset = 'form',
) {
  const { proxy, ...simulation } = simulatedApi(locale, allow);
  msw.use(http.all(`${STORY_BASE_URL}/*`, ({ request }) => proxy(request)));
  return simulation;
}

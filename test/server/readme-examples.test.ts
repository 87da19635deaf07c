import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/client/api-client.js';
import { ApiError } from '../../src/core/api-error.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';
import { type ReceivedRequest, send, startTestServer } from '../support/test-server.js';

// The README's proxy examples, run as written: each code block is taken from README.md, the package name
// pointed at src/server, the Node example's port 3000 at a free one, and nothing else changed. The API is
// a loopback server: `https://open.cli.im` is sent there by a stub of the global fetch the proxy calls.
// The Redis example opens a client of its own and keeps no handle on it: each one is recorded here and
// closed after the test.
const { redisClients } = vi.hoisted(() => ({ redisClients: [] as { disconnect(): void }[] }));
vi.mock('ioredis', async (importOriginal) => {
  const ioredis = await importOriginal<typeof import('ioredis')>();
  class RecordedRedis extends ioredis.Redis {
    constructor(...args: unknown[]) {
      super(...(args as []));
      redisClients.push(this);
    }
  }
  return { ...ioredis, Redis: RecordedRedis, default: RecordedRedis };
});

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const API_KEY = 'sk_test_readme_0123456789abcdef';

/** The ```ts block of README.md whose first line is `first`. */
function example(first: string): string {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const found = blocks.filter((block) => block.startsWith(`${first}\n`));
  if (found.length !== 1) throw new Error(`README.md: ${found.length} ts blocks start with ${first}`);
  return found[0] as string;
}

// Under node_modules so that Node resolves hono, @hono/node-server and ioredis from the examples as an app
// would; Vitest still transforms them (a .ts file is never loaded by Node itself).
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/readme-examples-'));
let written = 0;
async function load<Module>(code: string, port?: number): Promise<Module> {
  let source = code.replaceAll("'caoliao-api-errors/server'", `'${join(root, 'src/server/index.ts')}'`);
  if (port !== undefined) source = source.replace('port: 3000', `port: ${port}`);
  const file = join(dir, `example-${++written}.ts`);
  writeFileSync(file, source);
  return (await import(/* @vite-ignore */ file)) as Module;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const template = { code: 0, message: 'ok', data: { data: { form: { id: 7 } } } };
let upstream: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  upstream = await startTestServer((_, response) => send(response, 200, template));
});
afterAll(async () => {
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
});

const realFetch = globalThis.fetch;
beforeAll(() => {
  vi.stubEnv('CAOLIAO_API_KEY', API_KEY);
  vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) =>
    String(url).startsWith('https://open.cli.im/')
      ? realFetch(String(url).replace('https://open.cli.im', upstream.url), init)
      : realFetch(url, init),
  );
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
afterEach(() => {
  upstream.requests.length = 0;
});

type Handler = (request: Request) => Promise<Response> | Response;

/** What every example must do for the browser client at `baseUrl` (under `/caoliao`). */
async function servesThePage(
  clientOptions: Parameters<typeof createApiClient>[0],
  { allowed, refused }: { allowed: 'getTemplate' | 'getRecord'; refused: 'getRecords' | 'addRecord' },
) {
  const client = createApiClient(clientOptions);
  const call =
    allowed === 'getTemplate' ? client.getTemplate({ tpl_id: 7 }) : client.getRecord({ record_id: 7 });
  await expect(call).resolves.toEqual(template.data);
  const [forwarded] = upstream.requests as [ReceivedRequest];
  expect(upstream.requests).toHaveLength(1);
  expect(forwarded.path).toBe(
    allowed === 'getTemplate' ? '/api/v2/rpc/forms/getTemplate' : '/api/v2/rpc/record/getRecord',
  );
  expect(forwarded.headers.authorization).toBe(`Bearer ${API_KEY}`);

  const outside =
    refused === 'getRecords'
      ? client.getRecords({})
      : client.addRecord({ code_id: 1, tpl_id: 7, fields: [] });
  const error = await outside.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(403);
  expect(upstream.requests).toHaveLength(1);
}

describe('README: Running the proxy', () => {
  it('Next.js: the route handler serves the form preset under /caoliao, and GET answers the health check', async () => {
    const route = await load<{ POST: Handler; GET: Handler }>(example('// app/caoliao/[...path]/route.ts'));
    const nextjs = (url: string, init: RequestInit) => {
      const request = new Request(new URL(url, 'https://app.example'), init);
      return Promise.resolve(request.method === 'GET' ? route.GET(request) : route.POST(request));
    };
    await servesThePage(
      { baseUrl: '/caoliao', fetch: nextjs },
      { allowed: 'getTemplate', refused: 'getRecords' },
    );

    const health = await nextjs('/caoliao/health', { method: 'GET' });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(upstream.requests).toHaveLength(1);
  });

  it('Node http through @hono/node-server: serves on its port, and SIGTERM closes the server', async () => {
    const port = await freePort();
    const before = process.listeners('SIGTERM');
    await load(example('// server.ts'), port);
    const added = process.listeners('SIGTERM').filter((listener) => !before.includes(listener));
    try {
      expect(added).toHaveLength(1);
      // serve() listens in the background: the first call may come before it does.
      await vi.waitFor(() => realFetch(`http://127.0.0.1:${port}/caoliao/health`), { timeout: 2_000 });
      upstream.requests.length = 0;
      await servesThePage(
        { baseUrl: `http://127.0.0.1:${port}/caoliao` },
        { allowed: 'getTemplate', refused: 'getRecords' },
      );

      (added[0] as () => void)();
      await vi.waitFor(() => expect(realFetch(`http://127.0.0.1:${port}/caoliao/health`)).rejects.toThrow(), {
        timeout: 2_000,
      });
    } finally {
      for (const listener of added) process.off('SIGTERM', listener as () => void);
    }
  });

  it('Hono: the app serves the desk preset under /caoliao', async () => {
    const { default: app } = await load<{ default: { fetch: Handler } }>(example('// app.ts'));
    const hono = (url: string, init: RequestInit) =>
      Promise.resolve(app.fetch(new Request(new URL(url, 'https://desk.example'), init)));
    await servesThePage({ baseUrl: '/caoliao', fetch: hono }, { allowed: 'getRecord', refused: 'addRecord' });
  });

  describe('Redis', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedisServer();
      vi.stubEnv('REDIS_URL', redis.url);
    });
    afterAll(async () => {
      for (const client of redisClients) client.disconnect();
      await redis.stop();
    });

    it('the proxy on Redis serves the form preset and keeps its limits there', async () => {
      const { proxy } = await load<{ proxy: Handler }>(
        example('// proxy.ts: one Redis for every instance; serve `proxy` as in the examples above'),
      );
      expect(redisClients.length).toBeGreaterThan(0);
      const direct = (url: string, init: RequestInit) =>
        Promise.resolve(proxy(new Request(new URL(url, 'https://app.example'), init)));
      await servesThePage(
        { baseUrl: '/caoliao', fetch: direct },
        { allowed: 'getTemplate', refused: 'getRecords' },
      );
      const keys = await redis.connect().keys('caoliao-proxy:*');
      expect(keys.length).toBeGreaterThan(0);
    });
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulatorServer, type SimulatorServer } from '../../src/testing/simulator-server.js';

// Issue 20, point 3: examples/next-app as CI builds it (`next build` with no API key in the environment)
// and serves it (`next start`, its proxies' upstream the simulator), driven in Chromium.
const APP_DIR = 'examples/next-app';
const NEXT = 'node_modules/next/dist/bin/next';
/** A key no build could know: it exists only in `next start`'s environment. */
const FAKE_KEY = `e2e-${crypto.randomUUID()}`;
/** How long a step may take on a loaded 2-core machine before it counts as failed. */
const SETTLES_MS = 20_000;

let simulator: SimulatorServer;
let app: ChildProcess | undefined;
let appUrl: string;
let browser: Browser;
let context: BrowserContext;
/** Every URL and body the browser received in a test: pages, scripts, styles, the proxies' answers. */
let received: string[] = [];
let reading: Promise<void>[] = [];

/** Runs `node <args>` to its end; its output on failure. */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The environment of the shell CI runs in, without the key. */
function envWithoutKey(): NodeJS.ProcessEnv {
  const { CAOLIAO_API_KEY: _, CAOLIAO_UPSTREAM: __, ...env } = process.env;
  return { ...env, NEXT_TELEMETRY_DISABLED: '1' };
}

/** `next start` on a free port, resolved once it answers. */
async function startApp(upstream: string): Promise<string> {
  const port = await freePort();
  const env = { ...envWithoutKey(), CAOLIAO_API_KEY: FAKE_KEY, CAOLIAO_UPSTREAM: upstream };
  app = spawn(process.execPath, [NEXT, 'start', APP_DIR, '--port', String(port), '--hostname', '127.0.0.1'], {
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}`);
    if (
      await fetch(`${url}/caoliao/form/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return url;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on ${url}`);
}

beforeAll(async () => {
  if (!existsSync('dist/index.js') || !existsSync('dist/server.js'))
    throw new Error('The example imports the built package: run `npm run build` first');
  const builtAt = performance.now();
  await run([NEXT, 'build', APP_DIR], envWithoutKey());
  console.info(`next build: ${((performance.now() - builtAt) / 1000).toFixed(1)} s`);
  simulator = await createSimulatorServer();
  appUrl = await startApp(simulator.url);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  app?.kill('SIGTERM');
  if (app && app.exitCode === null) await once(app, 'exit');
  await simulator?.close();
});

beforeEach(async () => {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
  context = await browser.newContext({ baseURL: appUrl, locale: 'zh-CN' });
  received = [];
  reading = [];
  context.on('response', (response) => {
    received.push(response.url());
    reading.push(
      response.text().then(
        (body) => void received.push(body),
        () => {},
      ),
    );
  });
});

afterEach(async () => {
  await context.close();
});

const injectOverHttp = (fault: object) =>
  fetch(`${simulator.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify(fault) });

/** The form at /form, its fields shown (the template came through the form's proxy). */
async function openForm(): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/form');
  await page.getByLabel('姓名').waitFor({ timeout: SETTLES_MS });
  return page;
}

async function fillAndSubmit(page: Page) {
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('手机号').fill('13800138000');
  await page.getByRole('button', { name: '提交' }).click();
}

describe('examples/next-app, built with no API key and served by next start', () => {
  it('type-checks against the built package', async () => {
    await run(['node_modules/typescript/bin/tsc', '-p', APP_DIR, '--incremental', 'false'], process.env);
  }, 60_000);

  it('submitted empty, shows the 100308 summary whose links lead to the fields', async () => {
    const page = await openForm();
    await page.getByRole('button', { name: '提交' }).click();
    // 姓名 and 手机号 are required: the simulator answers 100308 for both.
    const summary = page.getByRole('region', { name: '还有 2 项需要填写或修改' });
    await summary.waitFor({ timeout: SETTLES_MS });
    const link = summary.getByRole('link', { name: '请填写姓名' });
    expect(await link.getAttribute('href')).toBe(`#${await page.getByLabel('姓名').getAttribute('id')}`);
    await link.click();
    expect(await page.getByLabel('姓名').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(simulator.simulator.state.records).toHaveLength(0);
  });

  it('a 429 injected over HTTP: the form submits by itself after Retry-After, and stores one record', async () => {
    const page = await openForm();
    expect((await injectOverHttp({ endpoint: 'addRecord', status: 429, retryAfter: '2' })).status).toBe(204);
    await fillAndSubmit(page);
    await page
      .getByRole('timer')
      .filter({ hasText: /秒后自动为您提交/ })
      .waitFor({ timeout: SETTLES_MS });
    await page.getByRole('heading', { name: '提交成功' }).waitFor({ timeout: SETTLES_MS });
    expect(simulator.simulator.state.records).toHaveLength(1);
  });

  it('the gateway’s 502 says it cannot confirm the submission, and nothing claims success', async () => {
    const page = await openForm();
    await injectOverHttp({ endpoint: 'addRecord', status: 502, html: true });
    await fillAndSubmit(page);
    await page.getByText('服务没有响应，无法确认是否已提交').waitFor({ timeout: SETTLES_MS });
    // Past any retry React Query could make of a write (none, for a 502): still no success.
    await page.waitForTimeout(3_000);
    expect(await page.getByText(/已提交，|提交成功/).count()).toBe(0);
    expect(simulator.simulator.state.records).toHaveLength(0);
  });

  it.each([
    ['/form', '姓名'],
    ['/desk', '凭证码'],
  ])('%s hydrates with no warning or error in the console', async (path, label) => {
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
    });
    page.on('pageerror', (error) => messages.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) messages.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.getByLabel(label).waitFor({ timeout: SETTLES_MS });
    // React reports a hydration mismatch after hydrating: it has, once the page reacts to a typed value.
    await page.getByLabel(label).fill('1');
    expect(await page.getByLabel(label).inputValue()).toBe('1');
    expect(messages).toEqual([]);
  });

  it('no page, script, style or answer the browser receives holds the API key', async () => {
    await fillAndSubmit(await openForm());
    const desk = await context.newPage();
    await desk.goto('/desk', { waitUntil: 'networkidle' });
    await desk.getByLabel('凭证码').fill('https://qr.cli.im/c/CERT-1');
    await desk.getByRole('button', { name: '核销' }).click();
    await desk.getByText('核销成功').waitFor({ timeout: SETTLES_MS });
    expect(simulator.simulator.state.records).toHaveLength(1);
    await Promise.all(reading);
    expect(received.length).toBeGreaterThan(10);
    expect(received.filter((body) => body.includes(FAKE_KEY))).toEqual([]);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { bundleForNode } from '../support/bundle-for-node.js';

// The bin's source, bundled as `npm run build` bundles it (dependencies left external), so that the test
// does not depend on a `dist` of another moment.
const BUNDLE_DIR = 'node_modules/.cache/caoliao-simulator-cli';
const BIN = `${BUNDLE_DIR}/caoliao-simulator.mjs`;

beforeAll(async () => {
  await bundleForNode(BUNDLE_DIR, { 'caoliao-simulator': 'src/testing/simulator-cli.ts' });
}, 60_000);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs the bin with these arguments; its first line of output, and how it ends. */
function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const firstLine = (stream: NodeJS.ReadableStream | null) =>
    new Promise<string>((resolve) => {
      if (stream) createInterface({ input: stream }).once('line', resolve);
      child.once('close', () => resolve(''));
    });
  return { child, exited, stdout: firstLine(child.stdout), stderr: firstLine(child.stderr) };
}

describe('the caoliao-simulator bin', () => {
  it('prints its URL, answers the API there and stops on SIGTERM', async () => {
    const { child, exited, stdout } = await run(['--port', '0']);
    const url = (await stdout).match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
    expect(url).toBeDefined();
    const template = await createApiClient({ baseUrl: url }).getTemplate({ tpl_id: 7001 });
    expect(template.data?.form).toMatchObject({ id: 7001, name: '活动报名表' });
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    await expect(fetch(`${url}/__simulator/health`)).rejects.toThrow();
  });

  it('stops on SIGINT too', async () => {
    const { child, exited, stdout } = await run([]);
    expect(await stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
  });

  it.each([
    ['a port that is no number', ['--port', 'abc'], /--port must be a whole number/],
    ['a port out of range', ['--port', '70000'], /--port must be a whole number/],
    ['an unknown option', ['--prot', '4010'], /Unknown option '--prot'/],
  ])('refuses %s with exit code 2 and the usage', async (_, args, message) => {
    const { exited, stderr } = await run(args);
    expect(await stderr).toMatch(message);
    expect(await exited).toEqual([2, null]);
  });
});

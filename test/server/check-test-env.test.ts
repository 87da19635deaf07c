import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm test` starts with scripts/check-test-env.mjs: on a machine that lacks something the tests need it
// must stop with one line and the command that installs it, not a wall of failing tests.
const script = join(import.meta.dirname, '../../scripts/check-test-env.mjs');
const run = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 10_000 });

const whichFcList = spawnSync('sh', ['-c', 'command -v fc-list'], { encoding: 'utf8' }).stdout.trim();
// A PATH with fontconfig on it and nothing else: no redis-server.
const bareBin = mkdtempSync(join(tmpdir(), 'check-test-env-'));
symlinkSync(whichFcList, join(bareBin, 'fc-list'));
afterAll(() => rmSync(bareBin, { recursive: true, force: true }));

describe('scripts/check-test-env.mjs', () => {
  it('passes silently on this machine, which has everything', () => {
    const result = run(process.env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('stops with exit 1 and one line naming redis-server and its install command when PATH lacks it', () => {
    const result = run({ ...process.env, PATH: bareBin });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('redis-server');
    expect(lines[0]).not.toMatch(/chromium|fonts/i);
    expect(lines[0]).toMatch(/Install with: apt-get install -y redis-server$/);
  });

  it('names every missing piece on the same one line, with one command for all of them', () => {
    const result = run({ ...process.env, PATH: bareBin, CHROMIUM_PATH: join(bareBin, 'no-chromium') });
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(bareBin, 'no-chromium'));
    expect(lines[0]).toMatch(/Install with: apt-get install -y chromium redis-server$/);
  });
});

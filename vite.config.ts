import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { PAGE_SIZE, SCREENSHOT_MATCHING } from './.storybook/visual-options.js';
import pkg from './package.json' with { type: 'json' };
import { fakeApi } from './test/support/fake-api-plugin.js';

const peers = Object.keys(pkg.peerDependencies);
const dependencies = Object.keys(pkg.dependencies);
const isPackage = (names: string[], id: string) =>
  names.some((name) => id === name || id.startsWith(`${name}/`));
// Peers and their subpaths (react/jsx-runtime, ioredis/built/…) are never bundled. Nor are dependencies
// (the consumer's bundler dedupes them), nor Node's built-ins, which only the server entry may import:
// bundled for the browser, Vite would swap them for empty stubs.
const isExternal = (id: string) =>
  isPackage(peers, id) ||
  isPackage(dependencies, id) ||
  id.startsWith('node:') ||
  builtinModules.includes(id);

const REACT_ENTRIES = ['index', 'react-i18next', 'react-hook-form', 'antd'];

/** Ships `src/styles.css` as `dist/styles.css`: no JavaScript imports it. */
const stylesheet = (): Plugin => ({
  name: 'stylesheet',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles.css', 'utf8') });
  },
});

// Debian's Chromium (apt-get install chromium): Playwright cannot download its own here.
// A fresh options object per project: Vitest mutates it.
// Vitest scales its test iframe down (a CSS transform) when the iframe is larger than the page around it
// (Playwright's default 1280×720): screenshots need the page at least as large as the largest viewport used.
const chromium = ({ screenshots = false } = {}) => ({
  enabled: true,
  headless: true,
  ...(screenshots && {
    // A baseline is a committed file: the browser may write new ones (`vitest --update`, or a missing one
    // outside CI), which addon-vitest forbids unless it is allowed here.
    api: { allowWrite: true },
    expect: { toMatchScreenshot: SCREENSHOT_MATCHING },
    // Vitest's own screenshot of a failed test would land among the baselines; a failed comparison
    // attaches its reference, actual and diff images anyway.
    screenshotFailures: false,
  }),
  provider: playwright({
    ...(screenshots && { contextOptions: { viewport: PAGE_SIZE } }),
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

const REACT_TESTS = ['test/react/**/*.test.{ts,tsx}', 'test/query/**/*.test.{ts,tsx}'];
/** The jsdom tests that `vi.mock` a module of the library. */
const MOCKING_TESTS = ['test/react/retry-countdown.test.tsx'];

// Processes timed in real time: three proxy processes on one Redis (issues #12 and #13).
const FLEET_BUDGET_TEST = 'test/server/many-instances.test.ts';
const FLEET_EXACTLY_ONCE_TEST = 'test/server/exactly-once.test.ts';

// The first group (core, fleet, react) mostly waits: on real Retry-After seconds, on sockets, on Redis
// killed for 10 s. Vitest's default on two cores is one file at a time; four let the waits overlap.
const NODE_WORKERS = 4;

export default defineConfig({
  publicDir: false,
  plugins: [react(), stylesheet()],
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        client: 'src/client/index.ts',
        i18n: 'src/i18n/index.ts',
        'react-i18next': 'src/react/provider/react-i18next-provider.tsx',
        'react-hook-form': 'src/react/form-libraries/react-hook-form.ts',
        antd: 'src/react/form-libraries/antd.ts',
        // Not in `exports`: the one module that imports i18next at run time, in a file of its own, which a
        // bundle importing only `{ zh }` from the i18n entry drops (the package has no side effects), and
        // i18next with it. Inside `i18n.js`, its `import 'i18next'` would stay.
        'i18next-instance': 'src/i18n/create-texts-instance.ts',
        testing: 'src/testing/index.ts',
        server: 'src/server/index.ts',
        // The `caoliao-simulator` bin (package.json "bin"), for Node only.
        'caoliao-simulator': 'src/testing/simulator-cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        minify: true,
        // Top-level `const` as written (Vite's default turns it into `var`): a consumer's bundler then knows a
        // text constant is a string, and drops the English and Traditional Chinese texts of a page that imports
        // only `{ zh }`; as `var`, the `${…}` and `{ ...… }` inside them stayed behind (0.4 KB gzip).
        topLevelVar: false,
        // The React entries hold hooks and context: React Server Components must treat them as client code.
        banner: (chunk) => {
          if (!chunk.isEntry) return '';
          if (chunk.name === 'caoliao-simulator') return '#!/usr/bin/env node';
          return REACT_ENTRIES.includes(chunk.name) ? "'use client';" : '';
        },
      },
    },
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: [
            'test/core/**/*.test.ts',
            'test/client/**/*.test.ts',
            'test/testing/**/*.test.ts',
            'test/server/**/*.test.ts',
          ],
          exclude: [FLEET_BUDGET_TEST, FLEET_EXACTLY_ONCE_TEST],
          // The gate tests wait out real Retry-After seconds against a real server.
          testTimeout: 20_000,
          maxWorkers: NODE_WORKERS,
        },
      },
      {
        extends: true,
        test: {
          // Every call within 2 s while Redis is down: beside the Node and jsdom tests, before the
          // Chromium projects.
          name: 'fleet',
          environment: 'node',
          include: [FLEET_EXACTLY_ONCE_TEST],
          maxWorkers: NODE_WORKERS,
        },
      },
      {
        extends: true,
        test: {
          // Two minutes at 5 calls a second, mostly waiting, with nothing timed that a late timer could
          // break (a late call only departs later): beside the Chromium projects.
          name: 'fleet-budget',
          environment: 'node',
          include: [FLEET_BUDGET_TEST],
          sequence: { groupOrder: 1 },
        },
      },
      ...[
        // One jsdom for a worker's files, not one each: a fresh jsdom and a fresh import of React, React
        // Query and the library per file was half this project's time.
        { name: 'react', isolate: false, exclude: MOCKING_TESTS },
        // A file that replaces a module (`vi.mock`) gets a module graph of its own.
        { name: 'react-mocks', isolate: true, include: MOCKING_TESTS },
      ].map(({ name, isolate, exclude = [], include = REACT_TESTS }) => ({
        extends: true as const,
        test: {
          name,
          environment: 'jsdom',
          isolate,
          maxWorkers: NODE_WORKERS,
          testTimeout: 15_000,
          include,
          exclude,
          setupFiles: ['test/support/setup-react.ts'],
        },
      })),
      // Every story is a test in Chromium, in each language: it renders, its play function passes,
      // axe finds no violation in either theme, and a 'visual' story matches its screenshots (zh, en).
      // The Chromium projects run after the Node ones (sequence.groupOrder 1): screenshots and axe keep both
      // cores busy, and the rate-limit gate's real-time tests in `core` then see their timers fire late.
      ...(
        [
          ['zh', '.storybook/vitest.setup.ts'],
          ['zh-Hant', '.storybook/vitest.setup.zh-hant.ts'],
          ['en', '.storybook/vitest.setup.en.ts'],
        ] as const
      ).map(([locale, setupFile]) => ({
        plugins: [storybookTest({ configDir: '.storybook' })],
        // Imported by .storybook/visual.ts: found late, it would make Vite reload the test page mid-run.
        optimizeDeps: { include: ['axe-core'] },
        test: {
          name: `storybook-${locale}`,
          // All story files in one iframe, as Storybook's own preview shows every story: a fresh iframe per
          // file loaded the library, msw and axe again each time (about 4 s a file, half the zh-Hant run).
          isolate: false,
          // Stories tagged 'visual' are compared with their baselines (.storybook/visual.ts).
          browser: chromium({ screenshots: true }),
          // The example pages wait out real Retry-After seconds; a busy CI machine needs headroom.
          testTimeout: 15_000,
          // After each story: an axe run, and for a 'visual' story four screenshots (.storybook/visual.ts).
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
          setupFiles: [setupFile],
        },
      })),
      {
        extends: true,
        plugins: [fakeApi()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          browser: chromium(),
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // examples/next-app as CI builds it (no API key) and serves it, driven in Chromium. It imports
          // the package by its own name: `dist/`, which `npm test` builds first.
          name: 'next',
          environment: 'node',
          include: ['test/next/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Beside the Chromium projects: its build keeps both cores busy.
          sequence: { groupOrder: 1 },
        },
      },
      // Proof that the screenshot comparison fails on a one-pixel border and passes anti-aliasing noise.
      {
        extends: true,
        test: {
          name: 'visual-control',
          include: ['test/visual/**/*.browser.test.ts'],
          testTimeout: 30_000,
          browser: chromium({ screenshots: true }),
          // Last, on its own: beside the storybook projects, on two cores, a screenshot can take longer than
          // the 5 s Vitest gives a comparison.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});

import { readFileSync } from 'node:fs';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { fakeApi } from './test/support/fake-api-plugin.js';

const peers = Object.keys(pkg.peerDependencies);
// Peers and their subpaths (react/jsx-runtime, …) are never bundled.
const isPeer = (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));

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
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
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
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isPeer,
      output: {
        minify: true,
        // The React entry holds hooks and context: React Server Components must treat it as client code.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
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
          include: ['test/core/**/*.test.ts', 'test/client/**/*.test.ts', 'test/testing/**/*.test.ts'],
          // The gate tests wait out real Retry-After seconds against a real server.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          testTimeout: 15_000,
          include: ['test/react/**/*.test.{ts,tsx}', 'test/query/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-react.ts'],
        },
      },
      // Every story is a test in Chromium, in both languages: it renders, its play function passes,
      // axe finds no violation.
      ...(['zh', 'en'] as const).map((locale) => ({
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: `storybook-${locale}`,
          browser: chromium(),
          // The example pages wait out real Retry-After seconds; a busy CI machine needs headroom.
          testTimeout: 15_000,
          setupFiles: [locale === 'zh' ? '.storybook/vitest.setup.ts' : '.storybook/vitest.setup.en.ts'],
        },
      })),
      {
        extends: true,
        plugins: [fakeApi()],
        test: { name: 'browser', include: ['test/browser/**/*.browser.test.ts'], browser: chromium() },
      },
    ],
  },
});

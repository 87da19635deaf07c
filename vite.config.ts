import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { fakeApi } from './test/support/fake-api-plugin.js';

const peers = Object.keys(pkg.peerDependencies);
// Peers and their subpaths (react/jsx-runtime, …) are never bundled.
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

const isPeer = (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));

export default defineConfig({
  publicDir: false,
  build: {
    lib: {
      entry: { core: 'src/core/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: { external: isPeer, output: { minify: true } },
    target: 'es2022',
    minify: true,
    sourcemap: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['test/core/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [fakeApi()],
        test: { name: 'browser', include: ['test/browser/**/*.browser.test.ts'], browser: chromium() },
      },
    ],
  },
});

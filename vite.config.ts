import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

const peers = Object.keys(pkg.peerDependencies);
// Peers and their subpaths (react/jsx-runtime, …) are never bundled.
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
    ],
  },
});

import { build } from 'vite';

/**
 * Bundles TypeScript entries for Node as `npm run build` does (dependencies left external), each to
 * `<dir>/<name>.mjs`, so that a test can run them in processes of their own.
 * @example await bundleForNode('node_modules/.cache/my-test', { server: 'test/fixtures/server.ts' });
 */
export async function bundleForNode(dir: string, input: Record<string, string>): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { input, output: { entryFileNames: '[name].mjs' } },
    },
  });
}

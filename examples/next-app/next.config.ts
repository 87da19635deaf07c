import type { NextConfig } from 'next';

const config: NextConfig = {
  // The example is type-checked by `tsc -p examples/next-app` (test/next/next-example.test.ts): this
  // repository's TypeScript 7 has no JavaScript API for `next build` to check with.
  typescript: { ignoreBuildErrors: true },
};

export default config;

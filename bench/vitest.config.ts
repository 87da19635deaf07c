import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run bench`: figures printed and written to bench/results.json, never asserted as tests.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['bench/**/*.bench.tsx', 'bench/**/*.bench.ts'],
    testTimeout: 120_000,
    // One file at a time: the real-time storm and the wall-clock render costs must not share the
    // machine's two cores with another file.
    fileParallelism: false,
  },
});

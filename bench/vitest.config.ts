import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run bench`: figures printed and written to bench/results.json, never asserted as tests.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['bench/**/*.bench.tsx'],
    testTimeout: 120_000,
  },
});

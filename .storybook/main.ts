import { defineMain } from '@storybook/react-vite/node';

export default defineMain({
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  // The MSW service worker (public/mockServiceWorker.js) that serves the API simulator.
  staticDirs: ['../public'],
  core: {
    disableTelemetry: true,
    // The project's vite.config.ts builds the library; Storybook gets a plain React set-up.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
});

import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview.js';
import { registerStoryChecks } from './visual.js';

// The same stories again, in Traditional Chinese: axe in both themes, no screenshots (zh and en have them).
setProjectAnnotations([a11yAnnotations, projectAnnotations, { initialGlobals: { locale: 'zh-Hant' } }]);
registerStoryChecks();

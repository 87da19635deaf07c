import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview.js';
import { registerStoryChecks } from './visual.js';

setProjectAnnotations([a11yAnnotations, projectAnnotations]);
// After each story: axe in the dark theme too; screenshots of the stories tagged 'visual'.
registerStoryChecks();

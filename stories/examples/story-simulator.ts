import { STORY_BASE_URL } from '../../.storybook/preview.js';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import type { EndpointName } from '../../src/client/index.js';
import {
  createSimulator,
  createSimulatorHandlers,
  defaultSimulatorState,
  type Simulator,
} from '../../src/testing/index.js';
import { WORLD, type World } from './page-texts.js';

/** The simulator's default world, in the words of `locale`. */
function localizedState(world: World) {
  const state = defaultSimulatorState();
  for (const form of state.forms) {
    form.name = world.formName;
    form.fields.forEach((field, index) => {
      field.field_title = world.fields[index] ?? field.field_title;
    });
  }
  for (const certificate of state.certificates) {
    certificate.statuses = [...world.statuses];
    certificate.status = world.statuses[0] ?? certificate.status;
  }
  return state;
}

/**
 * A fresh simulator per story, in the story's language, with its calls counted per endpoint for
 * the play functions.
 */
export function storySimulator(
  msw: { use: (...handlers: ReturnType<typeof createSimulatorHandlers>) => void },
  locale: StoryLocale | unknown = 'zh',
) {
  const world = WORLD[toStoryLocale(locale)];
  const simulator = createSimulator({ state: localizedState(world) });
  const calls: Partial<Record<EndpointName, number>> = {};
  const counting: Simulator = {
    ...simulator,
    handle(endpoint, body, context) {
      calls[endpoint] = (calls[endpoint] ?? 0) + 1;
      return simulator.handle(endpoint, body, context);
    },
  };
  msw.use(...createSimulatorHandlers({ simulator: counting, baseUrl: STORY_BASE_URL }));
  return { simulator, calls, world };
}

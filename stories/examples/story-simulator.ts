import { STORY_BASE_URL } from '../../.storybook/preview.js';
import type { EndpointName } from '../../src/client/index.js';
import { createSimulator, createSimulatorHandlers, type Simulator } from '../../src/testing/index.js';

/** A fresh simulator per story, with its calls counted per endpoint for the play functions. */
export function storySimulator(msw: {
  use: (...handlers: ReturnType<typeof createSimulatorHandlers>) => void;
}) {
  const simulator = createSimulator();
  const calls: Partial<Record<EndpointName, number>> = {};
  const counting: Simulator = {
    ...simulator,
    handle(endpoint, body, context) {
      calls[endpoint] = (calls[endpoint] ?? 0) + 1;
      return simulator.handle(endpoint, body, context);
    },
  };
  msw.use(...createSimulatorHandlers({ simulator: counting, baseUrl: STORY_BASE_URL }));
  return { simulator, calls };
}

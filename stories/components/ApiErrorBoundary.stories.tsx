import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { toStoryLocale } from '../../.storybook/theme.js';
import { en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorBoundary, useFormTemplate } from '../../src/react/index.js';
import { WORLD } from '../examples/page-texts.js';
import { storySimulator } from '../examples/story-simulator.js';

let simulation: ReturnType<typeof storySimulator>;

function FormName() {
  const { data } = useFormTemplate({ tpl_id: 7001 });
  return <p>{data ? data.data.form.name : '…'}</p>;
}

const meta = {
  title: 'Components/ApiErrorBoundary',
  component: ApiErrorBoundary,
  render: (args) => (
    <ApiErrorBoundary {...args}>
      <FormName />
    </ApiErrorBoundary>
  ),
  beforeEach({ msw, globals }) {
    simulation = storySimulator(msw, globals.locale);
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ApiErrorBoundary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {};

export const RetryRefetchesOnce: Story = {
  beforeEach() {
    simulation.simulator.inject({ endpoint: 'getTemplate', code: 400, errorCode: 100300 });
  },
  play: async ({ canvas, globals }) => {
    const texts = { zh, 'zh-Hant': zhHant, en }[toStoryLocale(globals.locale)];
    await userEvent.click(await canvas.findByRole('button', { name: texts.actions.retry }));
    await expect(await canvas.findByText(WORLD[toStoryLocale(globals.locale)].formName)).toBeVisible();
    await expect(simulation.calls.getTemplate).toBe(2);
  },
};

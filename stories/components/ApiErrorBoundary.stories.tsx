import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { ApiErrorBoundary, useFormTemplate } from '../../src/react/index.js';
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
  beforeEach({ msw }) {
    simulation = storySimulator(msw);
  },
} satisfies Meta<typeof ApiErrorBoundary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {};

export const RetryRefetchesOnce: Story = {
  beforeEach() {
    simulation.simulator.inject({ endpoint: 'getTemplate', code: 400, errorCode: 100300 });
  },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /立即重试|Try again now/ }));
    await expect(await canvas.findByText('活动报名表')).toBeVisible();
    await expect(simulation.calls.getTemplate).toBe(2);
  },
};

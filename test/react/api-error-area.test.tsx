import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { describeError, ERROR_KEYS, endsFlow } from '../../src/core/index.js';
import { en, zh } from '../../src/i18n/index.js';
import { ApiErrorArea, ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

function Form({ error, write = true }: { error: unknown; write?: boolean }) {
  return (
    <ApiErrorArea error={error} write={write}>
      <form>
        <label>
          Name
          {/* Uncontrolled: only the DOM keeps what was typed, so a remount would lose it. */}
          <input />
        </label>
        <ApiErrorView error={error} write={write} />
        <button type="submit">Submit</button>
      </form>
    </ApiErrorArea>
  );
}

describe('ApiErrorArea', () => {
  it('gives the form’s place to a Result when a submission ends the flow, keeping the answers reachable, read-only', async () => {
    const { rerender } = renderIn('en', <Form error={null} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Zhang San');
    const error = errorFor('100313');
    await act(async () => rerender(<Form error={error} />));

    const headline = screen.getByRole('heading', { level: 2, name: en.errors[100313].title });
    await waitFor(() => expect(headline).toHaveFocus());
    expect(screen.getAllByText(en.errors[100313].title)).toHaveLength(1); // not again beside the button
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: en.ui.showValues, expanded: false }));
    expect(screen.getByLabelText('Name')).toHaveValue('Zhang San');
    expect(screen.getByLabelText('Name')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    expect(screen.getByRole('button', { name: en.ui.hideValues, expanded: true })).toBeInTheDocument();

    // The error gone (a reset), the same form is back, as it was.
    await act(async () => rerender(<Form error={null} />));
    expect(screen.getByLabelText('Name')).toHaveValue('Zhang San');
    expect(screen.getByLabelText('Name')).toBeEnabled();
  });

  it('leaves the form to the views inside it for an error that does not end the flow', () => {
    renderIn('zh', <Form error={errorFor('502')} />);
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
    expect(screen.getByRole('alert')).toHaveTextContent(zh.errors[502].title_write as string);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('never replaces anything for a read', () => {
    renderIn('en', <Form error={errorFor('404')} write={false} />);
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
  });

  it('ends the flow exactly for the writes that can never succeed as they are', () => {
    const ending = ERROR_KEYS.filter((key) => endsFlow(describeError(errorFor(key))));
    expect(ending).toEqual([
      '401',
      '403',
      '404',
      '100303',
      '100304',
      '100306',
      '100311',
      '100312',
      '100313',
      '100314',
      '100315',
      '100316',
      '100321',
      '100328',
    ]);
  });
});

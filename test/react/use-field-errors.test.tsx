import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/index.js';
import { en } from '../../src/i18n/index.js';
import { ApiErrorView, useFieldErrors } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

const FIELDS = [
  { id: 71234567890101, label: 'Name' },
  { id: 71234567890102, label: 'Phone' },
  { id: 71234567890103, label: 'Email' },
];
const FIELD_IDS = FIELDS.map(({ id }) => id);

function Form({ submitError }: { submitError: ApiError | null }) {
  const [error, setError] = useState<ApiError | null>(null);
  const fields = useFieldErrors(error, { fieldIds: FIELD_IDS, errorId: 'submit-error' });
  return (
    <form>
      {FIELDS.map(({ id, label }) => (
        <label key={id}>
          {label}
          <input {...fields.fieldProps(id)} />
        </label>
      ))}
      <button type="button" onClick={() => setError(submitError)}>
        Submit
      </button>
      <ApiErrorView id="submit-error" error={error} write onFixFields={fields.focusFirst} />
    </form>
  );
}

describe('useFieldErrors', () => {
  it('marks the fields named by a 100309, focuses the first one and keeps every value', async () => {
    const error = errorFor('100309', {
      detail: `field ${FIELD_IDS[2]} must be an email; field ${FIELD_IDS[1]} must be a phone number`,
    });
    renderIn('en', <Form submitError={error} />);
    await userEvent.type(screen.getByLabelText('Name'), '张三');
    await userEvent.type(screen.getByLabelText('Phone'), '12');
    await userEvent.type(screen.getByLabelText('Email'), 'zhang@');

    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    const phone = screen.getByLabelText('Phone');
    expect(phone).toHaveFocus();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(expect.stringContaining(en.errors[100309].title));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Name')).toHaveValue('张三');
    expect(phone).toHaveValue('12');
    expect(screen.getByLabelText('Email')).toHaveValue('zhang@');
  });

  it('focuses once per error, not on every render, and offers "go to the first marked field"', async () => {
    renderIn('en', <Form submitError={errorFor('100308', { detail: `required: ${FIELD_IDS[0]}` })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await userEvent.click(screen.getByLabelText('Email'));
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.c');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: en.actions['fix-fields'] }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });

  it('marks nothing for errors that are not about fields', async () => {
    renderIn('en', <Form submitError={errorFor('502', { detail: `field ${FIELD_IDS[0]}` })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    for (const { label } of FIELDS) expect(screen.getByLabelText(label)).not.toHaveAttribute('aria-invalid');
  });
});

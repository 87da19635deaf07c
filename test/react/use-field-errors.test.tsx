import { renderHook, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/index.js';
import { createApiErrorsI18n, en } from '../../src/i18n/index.js';
import type { FormField } from '../../src/react/index.js';
import { ApiErrorsProvider, ApiErrorView, useFieldErrors } from '../../src/react/index.js';
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

/** A host's form: its inputs controlled (every keystroke renders it), its `inputId` new on every render. */
function ControlledForm({ submitError }: { submitError: () => ApiError }) {
  const [values, setValues] = useState<Record<number, string>>({});
  const [submitted, setSubmitted] = useState<ApiError | null>(null);
  const fields = useFieldErrors(submitted, { fieldIds: FIELD_IDS, inputId: (id) => `input-${id}` });
  return (
    <form>
      {FIELDS.map(({ id, label }) => (
        <label key={id}>
          {label}
          <input
            {...fields.fieldProps(id)}
            value={values[id] ?? ''}
            onChange={(event) => setValues({ ...values, [id]: event.target.value })}
          />
        </label>
      ))}
      <button type="button" onClick={() => setSubmitted(submitError())}>
        Submit
      </button>
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

  it('on a 100307, marks the unique field the API names, or the only unique field filled in — never a guess among several', () => {
    const unique = { is_unique: true };
    const fields: FormField[] = [
      { field_id: 71234567890101, field_title: 'Name' },
      { field_id: 71234567890102, field_title: 'Phone', settings: unique },
      { field_id: 71234567890103, field_title: 'Email', settings: unique },
    ];
    const filled = { 71234567890101: '张三', 71234567890102: '13800138000', 71234567890103: 'a@b.c' };
    const marked = (error: ApiError, values: Record<string, string>) => {
      const { result } = renderHook(() => useFieldErrors(error, { fields, values }), { wrapper: inEnglish });
      return result.current.invalidFieldIds;
    };
    // Two unique fields filled, none named: either may be the duplicate, so neither is marked.
    expect(marked(errorFor('100307'), filled)).toEqual([]);
    expect(marked(errorFor('100307', { detail: 'duplicate: 71234567890103' }), filled)).toEqual([
      71234567890103,
    ]);
    expect(marked(errorFor('100307'), { ...filled, 71234567890103: '' })).toEqual([71234567890102]);
  });

  it('finds a field id only as a whole number: 7101 is not named by 71012 or 171010', () => {
    const fieldIds = [7101, 71012];
    const { result } = renderHook(
      () => useFieldErrors(errorFor('100308', { detail: 'required: 71012, 171010' }), { fieldIds }),
      { wrapper: inEnglish },
    );
    expect(result.current.invalidFieldIds).toEqual([71012]);
  });

  it('moves focus once per new error, not when the form re-renders as the person types', async () => {
    renderIn(
      'en',
      <ControlledForm submitError={() => errorFor('100308', { detail: `required: ${FIELD_IDS[0]}` })} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await userEvent.click(screen.getByLabelText('Email'));
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.c');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveValue('a@b.c');
    // The same refusal again is a new error: focus goes to the marked field once more.
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });
});

function inEnglish({ children }: { children: ReactNode }) {
  return <ApiErrorsProvider i18n={createApiErrorsI18n('en')}>{children}</ApiErrorsProvider>;
}

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/index.js';
import {
  ApiErrorSummary,
  ApiErrorView,
  ApiFieldError,
  type FormField,
  useFieldErrors,
} from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

// U+202E RIGHT-TO-LEFT OVERRIDE: without isolation it reverses everything after it on the line.
const RLO = '\u202E';
const LABEL = `Name${RLO}evil`;
const FIELDS = [
  { field_id: 7, field_title: LABEL, settings: { is_required: 1, is_unique: 0 } },
] satisfies FormField[];

function Form() {
  const fieldErrors = useFieldErrors(errorFor('100308'), { fields: FIELDS, invalidFieldIds: [7] });
  return (
    <form>
      <ApiErrorSummary fieldErrors={fieldErrors} />
      <ApiFieldError fieldErrors={fieldErrors} fieldId={7} />
    </form>
  );
}

describe('server text is isolated in <bdi>, as text', () => {
  it('every value of the details, a U+202E and markup included', () => {
    const serverMessage = `ok ${RLO}<b>fdp.exe</b>`;
    const detail = `${RLO}field 7`;
    const endpoint = `/api/v2/${RLO}rpc`;
    const { container } = renderIn(
      'en',
      <ApiErrorView error={errorFor('100300', { serverMessage, detail, endpoint })} />,
    );
    const details = container.querySelector('details') as HTMLElement;
    for (const text of [serverMessage, detail, endpoint]) {
      const node = within(details).getByText(text);
      expect(node.tagName, text).toBe('BDI');
      expect(node.parentElement?.tagName, text).toBe('DD');
    }
    const values = details.querySelectorAll('dd');
    expect(values.length).toBeGreaterThanOrEqual(6);
    for (const value of values) {
      expect(value.children).toHaveLength(1);
      expect(value.firstElementChild?.tagName).toBe('BDI');
      expect(value.firstElementChild?.textContent).toBe(value.textContent);
    }
    expect(container.querySelector('b')).toBeNull();
  });

  it('a field’s message, whose label comes from the form’s template', () => {
    renderIn('en', <Form />);
    const message = en.fields.required.replace('{{label}}', LABEL);
    const shown = screen.getAllByText(message);
    expect(shown).toHaveLength(2); // in the summary's link and beside the field
    for (const node of shown) expect(node.tagName).toBe('BDI');
    expect(shown[0]?.closest('a')).not.toBeNull();
    expect(shown[1]?.closest('.cae-field-error')).not.toBeNull();
  });
});

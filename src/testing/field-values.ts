import { isId } from './request-params.js';
import type { SimulatedField } from './simulator-state.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
const option = (value: unknown) => isObject(value) && isId(value.option_id);

/**
 * The shape of `field_value` per `field_type`, for the types whose value the docs show: `"张三"`,
 * `{ option_id }`, `{ value: 30.6 }`, `{ values: [{ option_id, custom_text? }] }`. Other types take
 * any value, so the simulator never refuses what the API might accept.
 */
const SHAPES: Record<string, (value: unknown) => boolean> = {
  name: text,
  tel: text,
  text,
  textarea: text,
  number: (value) => isObject(value) && typeof value.value === 'number' && Number.isFinite(value.value),
  sex: option,
  radio: option,
  checkbox: (value) => isObject(value) && Array.isArray(value.values) && value.values.every(option),
};

/**
 * Longest value, as JSON, that a field keeps. The docs give no limit: this one is far above any
 * form entry and far below a 10 MB paste, which the API would not store.
 */
export const MAX_VALUE_CHARS = 50_000;

/** A submitted field as the simulator reads it, once its entry has the right shape. */
export interface SubmittedField {
  field_id: number | string;
  field_value?: unknown;
}

/**
 * What is wrong with the request's `fields` as parameters (100301), or `undefined`: an entry that
 * is not an object with a `field_id`, a `field_id` the form does not have, or a value whose JSON
 * shape does not fit its field's type. These are the integrator's mistakes, which no one filling
 * the form can fix; a value that has the right shape but not the right content (a phone number
 * that is not one, a value too long) is 100309 and names the field.
 */
export function fieldsProblem(fields: unknown[], formFields: SimulatedField[]): string | undefined {
  for (const [index, entry] of fields.entries()) {
    if (!isObject(entry) || !isId(entry.field_id)) return `fields[${index}] needs a field_id`;
    const field = formFields.find(({ field_id }) => String(field_id) === String(entry.field_id));
    if (!field) return `unknown field_id: ${String(entry.field_id)}`;
    const value = entry.field_value;
    const fits = SHAPES[field.field_type] ?? (() => true);
    if (value !== undefined && value !== null && !fits(value)) {
      return `field_value of ${field.field_id} does not fit field_type ${field.field_type}`;
    }
  }
  return undefined;
}

/** The value as the API would compare it: text as is, anything else as JSON, nothing as ''. */
export const textOf = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);

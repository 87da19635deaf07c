import type { ErrorKey } from '../core/index.js';
import type { ActionText, ApiErrorsResource, ErrorText, FieldText, UiText } from './resource.js';

/**
 * What the staff read in place of a visitor's texts (`_staff` and `_write_staff` variants, and
 * any label or line of their own), kept apart so that a visitor's page leaves them out.
 */
export interface StaffTexts {
  errors: Partial<Record<ErrorKey, Partial<ErrorText>>>;
  actions?: Partial<ActionText>;
  fields?: Partial<FieldText>;
  ui?: Partial<UiText>;
}

/**
 * @internal A language's texts for the staff: the visitor's, with the staff's own over them.
 * Pure, so that a bundler leaves it (and the staff's texts) out of a page that imports only the
 * visitor's: `export const zhStaff = /* @__PURE__ *\/ withStaffTexts(zh, STAFF);`
 */
export function withStaffTexts(visitor: ApiErrorsResource, staff: StaffTexts): ApiErrorsResource {
  const errors = { ...visitor.errors };
  for (const key of Object.keys(staff.errors) as ErrorKey[])
    errors[key] = { ...errors[key], ...staff.errors[key] };
  return {
    errors,
    actions: { ...visitor.actions, ...staff.actions } as ActionText,
    fields: { ...visitor.fields, ...staff.fields },
    ui: { ...visitor.ui, ...staff.ui },
  };
}

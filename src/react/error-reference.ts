import { isApiError, toApiError } from '../core/index.js';

const references = new WeakMap<object, string>();
const asKey = (value: unknown) => (typeof value === 'object' && value !== null ? value : undefined);

/**
 * A short reference for support, the same every time for the same error — shown in the details
 * area and meant for your `onError` log line, so that a screenshot can be matched to it. A thrown
 * value and the `ApiError` made of it (its `cause`) share one reference.
 * @example onError={(error) => log({ reference: getErrorReference(error), ...error.toJSON() })}
 */
export function getErrorReference(error: unknown): string {
  const key = asKey(error);
  const cause = isApiError(error) ? asKey(error.cause) : undefined;
  let reference = (key && references.get(key)) || (cause && references.get(cause));
  if (!reference) {
    const { errorCode, code, kind } = toApiError(error);
    const random = Math.floor(Math.random() * 36 ** 4).toString(36);
    reference = `${errorCode ?? code ?? kind}-${Date.now().toString(36)}-${random}`.toUpperCase();
  }
  for (const object of [key, cause]) if (object) references.set(object, reference);
  return reference;
}

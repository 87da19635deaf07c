import { toApiError } from '../core/index.js';

const references = new WeakMap<object, string>();

/**
 * A short reference for support, the same every time for the same error object — shown in the
 * details area and meant for your `onError` log line, so that a screenshot can be matched to it.
 * @example onError={(error) => log({ reference: getErrorReference(error), ...error.toJSON() })}
 */
export function getErrorReference(error: unknown): string {
  const key = typeof error === 'object' && error !== null ? error : undefined;
  let reference = key && references.get(key);
  if (!reference) {
    const { errorCode, code, kind } = toApiError(error);
    const random = Math.floor(Math.random() * 36 ** 4).toString(36);
    reference = `${errorCode ?? code ?? kind}-${Date.now().toString(36)}-${random}`.toUpperCase();
    if (key) references.set(key, reference);
  }
  return reference;
}

import { ApiError, type ApiErrorInit, type ErrorKey } from '../core/index.js';

/**
 * An `ApiError` that the catalog describes with `key`, shaped as the API or the transport would
 * produce it — for stories and tests of your own error screens.
 * @example render(<ApiErrorView error={errorForKey('429', { retryAfterMs: 5000 })} />)
 */
export function errorForKey(key: ErrorKey, fields: Partial<ApiErrorInit> = {}): ApiError {
  const number = Number(key);
  if (Number.isNaN(number)) return new ApiError({ kind: key as ApiError['kind'], ...fields });
  if (number >= 100300)
    return new ApiError({ kind: 'api', code: 400, errorCode: number, status: 400, ...fields });
  return new ApiError({ kind: 'api', code: number, status: number || 200, ...fields });
}

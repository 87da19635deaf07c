import { ApiError, type ErrorKey } from '../../src/core/index.js';

/** An error that the catalog describes with `key`, as the API or the transport would produce it. */
export function errorFor(
  key: ErrorKey,
  fields: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
): ApiError {
  const number = Number(key);
  if (Number.isNaN(number)) {
    return new ApiError({ kind: key === 'unknown' ? 'unknown' : (key as ApiError['kind']), ...fields });
  }
  if (number >= 100300)
    return new ApiError({ kind: 'api', code: 400, errorCode: number, status: 400, ...fields });
  return new ApiError({ kind: 'api', code: number, status: number || 200, ...fields });
}

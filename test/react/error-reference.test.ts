import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../../src/core/index.js';
import { getErrorReference } from '../../src/react/index.js';

describe('getErrorReference', () => {
  it('is the same for the same error, and different for another', () => {
    const error = new ApiError({ kind: 'api', code: 400, errorCode: 100308 });
    expect(getErrorReference(error)).toMatch(/^100308-[0-9A-Z]+-[0-9A-Z]+$/);
    expect(getErrorReference(error)).toBe(getErrorReference(error));
    expect(getErrorReference(new ApiError({ kind: 'api', code: 400, errorCode: 100308 }))).not.toBe(
      getErrorReference(error),
    );
  });

  it('is shared by a thrown value and the ApiError made of it, whichever is asked first', () => {
    const thrown = new Error('boom');
    const wrapped = toApiError(thrown);
    expect(getErrorReference(wrapped)).toBe(getErrorReference(thrown));
    const other = new TypeError('x is not a function');
    const first = getErrorReference(other);
    expect(getErrorReference(toApiError(other))).toBe(first);
  });

  it('names the kind when there is no number', () => {
    expect(getErrorReference(new ApiError({ kind: 'timeout' }))).toMatch(/^TIMEOUT-/);
    expect(getErrorReference('boom')).toMatch(/^UNKNOWN-/);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError, getErrorReference, toApiError } from '../../src/core/index.js';

describe('getErrorReference', () => {
  it('is computed from the fields: two objects with the same fields share it, on server and client', () => {
    const fields = { kind: 'api', code: 400, errorCode: 100308, detail: 'required: 7' } as const;
    const error = new ApiError(fields);
    expect(getErrorReference(error)).toMatch(/^100308-[0-9A-Z]{7}$/);
    expect(getErrorReference(new ApiError(fields))).toBe(getErrorReference(error));
  });

  it('differs when any field differs', () => {
    const base = { kind: 'api', code: 400, errorCode: 100308 } as const;
    const reference = getErrorReference(new ApiError(base));
    for (const change of [
      { errorCode: 100309 },
      { code: 401 },
      { status: 400 },
      { detail: 'required: 8' },
      { serverMessage: 'x' },
      { endpoint: '/api/v2/rpc/record/addRecord' },
    ]) {
      expect(getErrorReference(new ApiError({ ...base, ...change })), JSON.stringify(change)).not.toBe(
        reference,
      );
    }
  });

  it('is shared by a thrown value and the ApiError made of it', () => {
    const thrown = new Error('boom');
    expect(getErrorReference(toApiError(thrown))).toBe(getErrorReference(thrown));
    expect(getErrorReference(new TypeError('x is not a function'))).not.toBe(getErrorReference(thrown));
  });

  it('names the kind when there is no number', () => {
    expect(getErrorReference(new ApiError({ kind: 'timeout' }))).toMatch(/^TIMEOUT-/);
    expect(getErrorReference('boom')).toMatch(/^UNKNOWN-/);
  });

  it('is the request id, verbatim, when the answer carried one: two equal errors of two calls differ', () => {
    const fields = { kind: 'api', code: 400, errorCode: 100308 } as const;
    const first = new ApiError({ ...fields, requestId: '3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f' });
    const second = new ApiError({ ...fields, requestId: 'upstream.Req_42' });
    expect(getErrorReference(first)).toBe('3f9a0c1d-2b7e-4c1a-9f1e-0a1b2c3d4e5f');
    expect(getErrorReference(second)).toBe('upstream.Req_42');
    // Rebuilt from its JSON (a server's render, then the browser's), it keeps the reference.
    expect(getErrorReference(new ApiError(JSON.parse(JSON.stringify(first))))).toBe(getErrorReference(first));
  });
});

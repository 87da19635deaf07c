import { describe, expect, it } from 'vitest';
import { withApiErrorFields } from '../../src/core/api-error.js';
import { ApiError, describeError, ERROR_KEYS, isApiError, toApiError } from '../../src/core/index.js';
import { startTestServer } from '../support/test-server.js';

describe('ApiError', () => {
  it('is an Error built from one object', () => {
    const cause = new Error('underneath');
    const error = new ApiError({
      kind: 'api',
      code: 400,
      errorCode: 100308,
      status: 400,
      serverMessage: 'Required field is empty',
      detail: 'field 7 is empty',
      endpoint: '/api/v2/rpc/record/addRecord',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe(
      '[code 400, error_code 100308] Required field is empty (/api/v2/rpc/record/addRecord)',
    );
    expect(error.cause).toBe(cause);
    expect(error.stack).toContain('ApiError');
  });

  it('describes failures without a server message by their kind', () => {
    expect(new ApiError({ kind: 'http', status: 502, code: 502 }).message).toBe(
      '[code 502] HTTP error without a readable envelope',
    );
    expect(new ApiError({ kind: 'timeout' }).message).toBe('Request timed out');
    expect(new ApiError({ kind: 'invalid-response', status: 200 }).message).toBe(
      '[HTTP 200] Response is not an API envelope',
    );
  });

  it('serialises to its plain fields, without the cause', () => {
    const error = new ApiError({ kind: 'api', code: 429, retryAfterMs: 2000, cause: { secret: 1 } });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ApiError',
      message: '[code 429] API error',
      kind: 'api',
      code: 429,
      retryAfterMs: 2000,
    });
  });

  it('keeps a requestId through toJSON and withApiErrorFields; one that is not 1–128 visible ASCII characters is dropped', () => {
    const error = new ApiError({ kind: 'api', code: 400, requestId: 'req-1' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ requestId: 'req-1' });
    expect(new ApiError(JSON.parse(JSON.stringify(error))).requestId).toBe('req-1');
    expect(withApiErrorFields(error, { kind: 'http' }).requestId).toBe('req-1');
    for (const requestId of ['', ' req', 'r'.repeat(129), 'a\nb', 'é', 7, { toString: () => 'x' }]) {
      expect(new ApiError({ kind: 'api', requestId } as never).requestId, String(requestId)).toBeUndefined();
    }
  });

  it('keeps an idempotencyKey through toJSON and withApiErrorFields, capped like server text', () => {
    const error = new ApiError({ kind: 'timeout', idempotencyKey: 'k-1' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: 'timeout', idempotencyKey: 'k-1' });
    expect(withApiErrorFields(error, { kind: 'network' }).idempotencyKey).toBe('k-1');
    expect(new ApiError({ kind: 'network' }).toJSON()).not.toHaveProperty(
      'idempotencyKey',
      expect.anything(),
    );
    const capped = new ApiError({ kind: 'network', idempotencyKey: 'k'.repeat(50_000) });
    expect(capped.idempotencyKey).toHaveLength(1000);
  });

  it('is recognised by isApiError, also when made by another copy of the library', () => {
    expect(isApiError(new ApiError({ kind: 'network' }))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError({ name: 'ApiError', kind: 'api' })).toBe(false);
    const foreign = Object.create(Error.prototype, {
      [Symbol.for('caoliao-api-errors.ApiError')]: { value: true },
    });
    expect(isApiError(foreign)).toBe(true);
  });
});

describe('ApiError caps server text wherever it is built', () => {
  const huge = 'x'.repeat(50_000);
  const expectCapped = (error: ApiError) => {
    for (const text of [error.serverMessage, error.detail]) {
      expect(text).toHaveLength(1000);
      expect(text?.endsWith('…')).toBe(true);
    }
    expect(error.message.length).toBeLessThan(2100);
    expect(JSON.stringify(error).length).toBeLessThan(6000);
  };

  it('from a host’s own new ApiError', () => {
    expectCapped(new ApiError({ kind: 'api', code: 400, serverMessage: huge, detail: huge, endpoint: huge }));
  });

  it('from withApiErrorFields', () => {
    expectCapped(withApiErrorFields(new ApiError({ kind: 'http' }), { serverMessage: huge, detail: huge }));
  });

  it('keeps the message bounded for a huge endpoint from toApiError', () => {
    const error = toApiError(new Error('x'), `/${huge}`);
    expect(error.message.length).toBeLessThan(1100);
    expect(error.endpoint).toHaveLength(1000);
  });

  it('cuts the same text the same way twice', () => {
    const error = new ApiError({ kind: 'api', serverMessage: huge });
    expect(withApiErrorFields(error, {}).serverMessage).toBe(error.serverMessage);
  });

  it('keeps texts of 1,000 characters whole', () => {
    expect(new ApiError({ kind: 'api', detail: 'y'.repeat(1000) }).detail).toBe('y'.repeat(1000));
  });

  it('never splits a character made of two UTF-16 units', () => {
    const error = new ApiError({ kind: 'api', serverMessage: `${'a'.repeat(998)}😀😀` });
    expect(error.serverMessage).toBe(`${'a'.repeat(998)}…`);
  });
});

describe('toApiError', () => {
  it('passes an ApiError through', () => {
    const error = new ApiError({ kind: 'api', code: 404 });
    expect(toApiError(error, '/x')).toBe(error);
  });

  it.each([
    ['Node’s fetch TypeError', 'network', new TypeError('fetch failed')],
    ['Chromium’s fetch TypeError', 'network', new TypeError('Failed to fetch')],
    [
      'Firefox’s fetch TypeError',
      'network',
      new TypeError('NetworkError when attempting to fetch resource.'),
    ],
    ['Safari’s fetch TypeError', 'network', new TypeError('Load failed')],
    [
      'a TypeError from a bug',
      'unknown',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ],
    ['an AbortError', 'aborted', new DOMException('The operation was aborted.', 'AbortError')],
    ['a TimeoutError', 'timeout', new DOMException('The operation timed out.', 'TimeoutError')],
    ['a plain Error', 'unknown', new Error('boom')],
    ['a string', 'unknown', 'boom'],
    ['undefined', 'unknown', undefined],
  ])('turns %s into %s', (_, kind, thrown) => {
    const error = toApiError(thrown, '/api/v2/rpc/forms/getTemplate');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe(kind);
    expect(error.cause).toBe(thrown);
    expect(error.endpoint).toBe('/api/v2/rpc/forms/getTemplate');
  });

  it('reads what a real fetch throws: refused, timed out, aborted', async () => {
    const silent = await startTestServer(() => new Promise(() => {}));
    try {
      const refused = await fetch('http://127.0.0.1:9/').catch((thrown) => thrown);
      expect(toApiError(refused).kind).toBe('network');
      const timedOut = await fetch(silent.url, { signal: AbortSignal.timeout(50) }).catch((t) => t);
      expect(toApiError(timedOut).kind).toBe('timeout');
      const aborted = await fetch(silent.url, { signal: AbortSignal.abort() }).catch((t) => t);
      expect(toApiError(aborted).kind).toBe('aborted');
    } finally {
      await silent.close();
    }
  });
});

describe('describeError', () => {
  const api = (fields: Partial<ConstructorParameters<typeof ApiError>[0]>) =>
    new ApiError({ kind: 'api', ...fields });

  it('covers every catalog key but 0 (success never describes an error)', () => {
    const errors = ERROR_KEYS.map((key) => {
      const number = Number(key);
      if (Number.isNaN(number)) return new ApiError({ kind: key === 'http' ? 'http' : (key as 'network') });
      return number >= 100300 ? api({ code: 400, errorCode: number }) : api({ code: number });
    });
    const keys = errors.map((error) => describeError(error).key);
    expect(keys).toEqual(ERROR_KEYS.map((key) => (key === '0' ? 'unknown' : key)));
  });

  it('lets a known error_code decide', () => {
    expect(describeError(api({ code: 400, errorCode: 100329, status: 400 }))).toEqual({
      key: '100329',
      category: 'identity',
      scope: 'inline',
      retry: 'after-user-action',
      actions: ['complete-identity'],
      tone: 'fix',
      number: 100329,
    });
  });

  it('falls back to the top-level code for an unknown error_code, keeping the number', () => {
    expect(describeError(api({ code: 400, errorCode: 100399 }))).toMatchObject({
      key: '400',
      number: 100399,
    });
    expect(describeError(api({ code: 401, errorCode: 100315 })).key).toBe('100315');
  });

  it('falls back to the HTTP status, then to the kind', () => {
    expect(describeError(new ApiError({ kind: 'http', code: 502, status: 502 })).key).toBe('502');
    expect(describeError(new ApiError({ kind: 'network', status: 404 })).key).toBe('404');
    expect(describeError(new ApiError({ kind: 'http', code: 500, status: 500 }))).toMatchObject({
      key: 'http',
      number: 500,
    });
    expect(describeError(new ApiError({ kind: 'timeout' }))).toEqual({
      key: 'timeout',
      category: 'unavailable',
      scope: 'page',
      retry: 'auto-for-reads',
      actions: ['retry'],
      tone: 'wait',
    });
  });

  it('gives unknown codes a generic entry that still carries the number', () => {
    expect(describeError(api({ code: 418 }))).toMatchObject({ key: 'unknown', number: 418 });
    expect(describeError(api({ code: 0 })).key).toBe('unknown');
    expect(describeError(api({}))).toMatchObject({ key: 'unknown' });
  });

  it('describes anything thrown, not only ApiErrors', () => {
    expect(describeError(new TypeError('Failed to fetch')).key).toBe('network');
    expect(describeError('boom').key).toBe('unknown');
    expect(describeError(null).key).toBe('unknown');
  });
});

describe('errors made in plain JavaScript', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'bogus'])(
    'turn a kind of %j into unknown, never reaching Object.prototype',
    (kind) => {
      const error = new ApiError({ kind: kind as never });
      expect(error).toMatchObject({ kind: 'unknown', message: 'Unknown error' });
      expect(describeError(error)).toMatchObject({ key: 'unknown', actions: ['retry', 'contact-support'] });
    },
  );

  it('keeps fields of the wrong type as the types say, instead of throwing', () => {
    const noPrototype = Object.create(null);
    const error = new ApiError({
      kind: 'api',
      code: '400' as never,
      errorCode: { no: 'number' } as never,
      serverMessage: noPrototype,
      detail: 42 as never,
      endpoint: noPrototype,
    });
    expect(error).toMatchObject({
      code: 400,
      errorCode: undefined,
      serverMessage: '[object Object]',
      detail: '42',
    });
    expect(error.message).toBe('[code 400] [object Object] ([object Object])');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiRetry,
  apiRetryDelay,
  apiWriteRetry,
  MAX_RATE_LIMIT_RETRIES,
  MAX_UNAVAILABLE_RETRIES,
} from '../../src/core/index.js';

const api = (code: number, errorCode?: number, retryAfterMs?: number) =>
  new ApiError({ kind: 'api', code, errorCode, status: code, retryAfterMs });

afterEach(() => vi.restoreAllMocks());

describe('apiRetry (reads)', () => {
  it.each([
    ['429', api(429), MAX_RATE_LIMIT_RETRIES],
    ['502', new ApiError({ kind: 'http', code: 502, status: 502 }), MAX_UNAVAILABLE_RETRIES],
    ['a network failure', new ApiError({ kind: 'network' }), MAX_UNAVAILABLE_RETRIES],
    ['a timeout', new ApiError({ kind: 'timeout' }), MAX_UNAVAILABLE_RETRIES],
    ['401', api(401), 0],
    ['403', api(403), 0],
    ['404', api(404), 0],
    ['an unknown 4xx', api(418), 0],
    ['100308', api(400, 100308), 0],
    ['100329', api(400, 100329), 0],
    ['100300', api(400, 100300), 0],
  ])('retries %s %i times', (_, error, times) => {
    const tries = Array.from({ length: 10 }, (__, failureCount) => apiRetry(failureCount, error));
    expect(tries.filter(Boolean)).toHaveLength(times);
    expect(tries.slice(0, times).every(Boolean)).toBe(true);
  });
});

describe('apiWriteRetry (writes)', () => {
  it('retries only a 429, which stored nothing', () => {
    expect(apiWriteRetry(0, api(429))).toBe(true);
    expect(apiWriteRetry(MAX_RATE_LIMIT_RETRIES, api(429))).toBe(false);
    for (const error of [
      new ApiError({ kind: 'http', code: 502, status: 502 }),
      new ApiError({ kind: 'network' }),
      new ApiError({ kind: 'timeout' }),
      api(400, 100329),
      api(400, 100319),
    ]) {
      expect(apiWriteRetry(0, error)).toBe(false);
    }
  });
});

describe('apiRetryDelay', () => {
  it('waits Retry-After plus up to 20 % (at most 2 s) of jitter', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(apiRetryDelay(1, api(429, undefined, 1000))).toBe(1000);
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(apiRetryDelay(1, api(429, undefined, 1000))).toBeCloseTo(1200, 0);
    expect(apiRetryDelay(1, api(429, undefined, 60_000))).toBeCloseTo(62_000, 0);
  });

  it('backs off with full jitter, doubling, at most 30 s, without Retry-After', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    // React Query counts the failures before this retry: 0 for the first.
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => Math.round(apiRetryDelay(n, api(429))))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(apiRetryDelay(3, new ApiError({ kind: 'network' }))).toBe(0);
  });
});

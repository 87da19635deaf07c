import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0); // Wed, 25 Nov 2026 12:00:00 GMT

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    [' 120 ', 120_000],
    ['1.5', 1500],
    [3, 3000],
  ])('reads delta-seconds %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([
    ['IMF-fixdate', 'Wed, 25 Nov 2026 12:00:30 GMT', 30_000],
    ['RFC 850', 'Wednesday, 25-Nov-26 12:01:00 GMT', 60_000],
    ['asctime, read as GMT', 'Wed Nov 25 12:00:05 2026', 5000],
    ['a date in the past, meaning now', 'Tue, 24 Nov 2026 12:00:00 GMT', 0],
  ])('reads an HTTP-date (%s)', (_, value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it('reads an asctime date with a one-digit day', () => {
    expect(parseRetryAfter('Tue Dec  1 12:00:00 2026', Date.UTC(2026, 11, 1, 11, 0, 0))).toBe(3600_000);
  });

  it('reads a two-digit RFC 850 year more than 50 years ahead as the previous century', () => {
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(0);
  });

  it.each([
    null,
    undefined,
    '',
    '-1',
    -5,
    'soon',
    '1e3',
    '0x10',
    '5, 10',
    'Wed, 31 Feb 2026 12:00:00 GMT',
    'Wed, 25 Nov 2026 25:00:00 GMT',
    'Wed, 25 Nov 2026 12:60:00 GMT',
    'Wed, 25 Nov 2026 1:2:3456 GMT',
    'Wed, 25 Xyz 2026 12:00:00 GMT',
    'Wed, 25 ovD 2026 12:00:00 GMT',
    '2026-11-25T12:00:30Z',
    'Wed, 25 Nov 2026 12:00:30 CET',
    Number.NaN,
  ])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('caps absurd waits at 24 hours', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(24 * 3600 * 1000);
    expect(parseRetryAfter('999999999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('uses the current time by default', () => {
    const date = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(date)).toBeGreaterThan(8000);
    expect(parseRetryAfter(date)).toBeLessThanOrEqual(10_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../src/core/redact-secret.js';
import { keyRuns } from './key-runs.js';

const KEY = 'sk_live_7Qm/2x+Yp=Zr"Kd\\8wNf%Tb3Hj&Lc9Vs';

describe('redactSecret', () => {
  it.each([
    ['the whole key', `Bearer ${KEY}!`, 'Bearer [redacted]!'],
    ['a prefix of 8 cut at the end', `key ${KEY.slice(0, 8)}`, 'key [redacted]'],
    ['a suffix of 8 cut at the start', `${KEY.slice(-8)} tail`, '[redacted] tail'],
    ['8 characters from the middle', `a${KEY.slice(13, 21)}b`, 'a[redacted]b'],
    ['two copies', `${KEY} and ${KEY}`, '[redacted] and [redacted]'],
    ['two copies side by side, as one', `${KEY}${KEY}`, '[redacted]'],
    ['the key URL-encoded', `?k=${encodeURIComponent(KEY)}&x`, '?k=[redacted]&x'],
    [
      'the key URL-encoded with lower-case hex',
      `?k=${encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}&x`,
      '?k=[redacted]&x',
    ],
    ['the key JSON-escaped', `{"k":${JSON.stringify(KEY)}}`, '{"k":"[redacted]"}'],
    [
      'the key JSON-escaped with \\/',
      `"${JSON.stringify(KEY).slice(1, -1).replaceAll('/', '\\/')}"`,
      '"[redacted]"',
    ],
    [
      'the key JSON-escaped with \\u',
      `"${KEY.replace('/', '\\u002F').replace('+', '\\u002b')}"`,
      '"[redacted]"',
    ],
    ['a run of the key across an encoded slash', 'x 7Qm%2f2x+Y x', 'x [redacted] x'],
  ])('removes %s', (_, text, redacted) => {
    expect(redactSecret(text, KEY)).toBe(redacted);
  });

  it.each([
    ['text without the key', 'Required field is empty (field 9)'],
    ['a run of 7 characters', `x${KEY.slice(0, 7)}x ${KEY.slice(20, 27)}`],
    ['percent signs and backslashes of no key', '100% \\n %41 \\u0041 %zz \\'],
    ['an empty text', ''],
  ])('keeps %s', (_, text) => {
    expect(redactSecret(text, KEY)).toBe(text);
  });

  it('keeps everything for an empty secret', () => {
    expect(redactSecret('anything', '')).toBe('anything');
  });

  it('redacts a whole secret shorter than 8 characters', () => {
    expect(redactSecret('k=abc123 abc12', 'abc123')).toBe('k=[redacted] abc12');
  });

  it('leaves no run of 8 characters of any key, however it is encoded and cut', () => {
    const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
    const key = fc.array(visibleAscii, { minLength: 8, maxLength: 64 }).map((chars) => chars.join(''));
    const encode = fc.constantFrom(
      (text: string) => text,
      encodeURIComponent,
      (text: string) => JSON.stringify(text).slice(1, -1),
      (text: string) => JSON.stringify(text).slice(1, -1).replaceAll('/', '\\/'),
    );
    fc.assert(
      fc.property(
        key,
        fc.nat(),
        fc.nat(),
        encode,
        fc.string(),
        fc.string(),
        (secret, from, length, form, before, after) => {
          const start = from % (secret.length - 7);
          const run = secret.slice(start, start + 8 + (length % (secret.length - start - 7)));
          const redacted = redactSecret(`${before}${form(run)}${after}`, secret);
          expect(keyRuns(redacted, secret)).toEqual([]);
        },
      ),
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20_261_127) },
    );
  });
});

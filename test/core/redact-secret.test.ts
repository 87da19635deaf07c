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
    ['a run of the key that ends with an escape', `x ${KEY.slice(3, 11)}%2F x`, 'x [redacted] x'],
    ['a run of the key that starts with an escape', `x \\u002F2x+Yp=Z x`, 'x [redacted] x'],
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

  it('redacts a run that starts among the last characters of another, from elsewhere in the key', () => {
    expect(redactSecret('x AAAABBBBDDDD x', 'sk_live_AAAABBBBCCCCBBBBDDDD')).toBe('x [redacted] x');
  });

  it('redacts a run across an escape that decodes to nothing, and keeps what surrounds it', () => {
    expect(redactSecret(`<p>7Qm/2x+&#x1F600;Yp=Zr</p>`, KEY)).toBe('<p>[redacted]</p>');
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

  it('leaves no run of 8 characters of any key, each of its characters escaped its own way', () => {
    const hex = (char: string, digits: number) => char.charCodeAt(0).toString(16).padStart(digits, '0');
    const escapes = [
      (char: string) => `%${hex(char, 2)}`,
      (char: string) => `\\u${hex(char, 4).toUpperCase()}`,
      (char: string) => `&#${char.charCodeAt(0)};`,
      (char: string) => `&#x${hex(char, 1)};`,
    ];
    // What starts an escape is always escaped: a raw `%41` would be one character in both readings.
    const escapeChar = fc.nat().map((pick) => (char: string) => {
      const form = escapes[pick % (escapes.length + 1)];
      if (form) return form(char);
      return /[%&\\]/.test(char) ? `%${hex(char, 2)}` : char;
    });
    const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
    const key = fc.array(visibleAscii, { minLength: 8, maxLength: 48 }).map((chars) => chars.join(''));
    const around = fc.stringMatching(/^[a-z ]{0,6}$/);
    fc.assert(
      fc.property(
        key,
        fc.nat(),
        fc.array(escapeChar, { minLength: 48, maxLength: 48 }),
        around,
        around,
        (secret, from, forms, before, after) => {
          const start = from % (secret.length - 7);
          const run = [...secret.slice(start)]
            .map((char, at) => (forms[at] as (char: string) => string)(char))
            .join('');
          const redacted = redactSecret(`${before}${run}${after}`, secret);
          expect(keyRuns(decodeEscapes(redacted), secret)).toEqual([]);
        },
      ),
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20_261_204) },
    );
  });
});

/** Test oracle, apart from `redactSecret`: `text` with its URL, `\\u` and HTML escapes decoded. */
function decodeEscapes(text: string): string {
  return text.replace(
    /%([0-9a-f]{2})|\\u([0-9a-f]{4})|&#x([0-9a-f]+);|&#(\d+);/gi,
    (_, url, json, html, decimal) =>
      String.fromCharCode(url || json || html ? Number.parseInt(url || json || html, 16) : Number(decimal)),
  );
}

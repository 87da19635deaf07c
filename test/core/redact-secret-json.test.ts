import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringContents } from '../../src/core/json-string-tokens.js';
import { redactedPieces } from '../../src/core/redact-secret.js';

const HEX_KEY = 'sk-test-0123456789abcdef';
const KEY = 'sk_live_7Qm/2x+Yp=Zr"Kd\\8wNf%Tb3Hj&Lc9Vs';
const redactSecretInJson = (json: string, secret: string) => redactedPieces(json, secret, 'json').join('');

describe('jsonStringContents', () => {
  it.each([
    ['keys and values, nested', '{"a":[1,"bc",{"d":null}]}', ['a', 'bc', 'd']],
    ['an escaped quote', '["b\\"c"]', ['b\\"c']],
    ['an escaped backslash before the closing quote', '["x\\\\","y"]', ['x\\\\', 'y']],
    ['an escaped backslash then an escaped quote', '["\\\\\\"z"]', ['\\\\\\"z']],
    ['an empty string', '[""," "]', ['', ' ']],
    ['no string at all', '[1,true,null]', []],
  ])('finds %s', (_, json, contents) => {
    expect([...jsonStringContents(json)].map(([start, end]) => json.slice(start, end))).toEqual(contents);
  });

  it('ends the list at a string left open, where a valid JSON text has none', () => {
    expect([...jsonStringContents('["a","b\\"')]).toEqual([[2, 3]]);
  });
});

describe("redactedPieces of a JSON text ('json')", () => {
  it.each([
    ['in a value', `{"note":"key ${HEX_KEY}!"}`, '{"note":"key [redacted]!"}'],
    ['in a key', `{"${HEX_KEY}":1}`, '{"[redacted]":1}'],
    ['JSON-escaped', JSON.stringify({ k: `(${KEY})` }), '{"k":"([redacted])"}'],
    ['JSON-escaped with \\/', JSON.stringify([KEY]).replaceAll('/', '\\/'), '["[redacted]"]'],
    [
      'as \\u escapes',
      JSON.stringify([KEY]).replace('/', '\\u002F').replace('+', '\\u002b'),
      '["[redacted]"]',
    ],
    ['URL-encoded inside a string', `{"u":"?k=${encodeURIComponent(KEY)}&x"}`, '{"u":"?k=[redacted]&x"}'],
    ['twice side by side, as one', `["${HEX_KEY}${HEX_KEY}"]`, '["[redacted]"]'],
    ['in two strings', `["${HEX_KEY}",{"b":"${HEX_KEY}"}]`, '["[redacted]",{"b":"[redacted]"}]'],
  ])('redacts the whole key %s', (_, json, redacted) => {
    expect(redactSecretInJson(json, json.includes('sk-') ? HEX_KEY : KEY)).toBe(redacted);
  });

  it.each([
    ['numbers sharing 8 of its characters', '{"field_id":71234567890101,"n":-0.0123456789e5}'],
    ['a number longer than any double', '{"id":1234567890123456789012345678901234567890}'],
    ['8 characters of its secret part', `["${HEX_KEY.slice(8, 16)}"]`],
    ['its public prefix and 8 more', `["${HEX_KEY.slice(0, 16)}"]`],
    ['all of it but its last character', `["${HEX_KEY.slice(0, -1)}"]`],
    ['all of it but its first character', `["${HEX_KEY.slice(1)}"]`],
    ['a copy split across two strings', `["${HEX_KEY.slice(0, 12)}","${HEX_KEY.slice(12)}"]`],
  ])('keeps %s', (_, json) => {
    expect(redactSecretInJson(json, HEX_KEY)).toBe(json);
  });

  it('keeps a copy that only JSON’s own quotes and commas complete, outside any one string', () => {
    const key = 'abc","defgh';
    const json = '["xxabc","defghxx"]';
    expect(redactSecretInJson(json, key)).toBe(json);
    expect(redactSecretInJson(`["${key.replaceAll('"', '\\"')}"]`, key)).toBe('["[redacted]"]');
  });

  it('changes nothing but the copy: white space and indentation stay', () => {
    const json = JSON.stringify({ code: 0, data: { id: 71234567890101, note: `a ${HEX_KEY} b` } }, null, 2);
    expect(redactSecretInJson(json, HEX_KEY)).toBe(json.replace(HEX_KEY, '[redacted]'));
  });

  it('keeps everything for an empty secret', () => {
    expect(redactSecretInJson('["x"]', '')).toBe('["x"]');
  });

  it('gives the text in pieces around each copy, or as one piece when it holds none', () => {
    const json = `["${HEX_KEY}",1,"a${HEX_KEY}b"]`;
    expect(redactedPieces(json, HEX_KEY, 'json')).toEqual([
      '["',
      '[redacted]',
      '",1,"a',
      '[redacted]',
      'b"]',
    ]);
    expect(redactedPieces('["12345678"]', HEX_KEY, 'json')).toEqual(['["12345678"]']);
    expect(redactedPieces('["12345678"]', HEX_KEY, 'text')).toEqual(['["', '[redacted]', '"]']);
  });

  it('leaves any JSON valid, its numbers and shape as they were, and no whole key in its strings', () => {
    const piece = fc.constantFrom(
      HEX_KEY,
      HEX_KEY.slice(0, 16),
      HEX_KEY.slice(5),
      '12345678',
      '"',
      '\\',
      '/',
    );
    const text = fc.array(fc.oneof(fc.string(), piece), { maxLength: 6 }).map((parts) => parts.join(''));
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(71234567890101, 1234567890123456, 0.0123456789),
    );
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        number,
        fc.boolean(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 2), (input, indent) => {
        const json = JSON.stringify(input, null, indent).replaceAll('/', '\\/');
        const redacted = redactSecretInJson(json, HEX_KEY);
        expect(withoutStrings(redacted)).toBe(withoutStrings(json));
        expect(JSON.stringify(JSON.parse(redacted))).toBe(JSON.stringify(withKeysRedacted(JSON.parse(json))));
      }),
      { numRuns: 500, seed: Number(process.env.FC_SEED ?? 20_261_204) },
    );
  });
});

/** A JSON text with each string token emptied: its numbers, literals, punctuation and white space. */
const withoutStrings = (json: string) => json.replace(/"(?:[^"\\]|\\.)*"/g, '""');

/** `value` with each run of whole keys in its strings and its objects' keys as one `[redacted]`. */
function withKeysRedacted(value: unknown): unknown {
  const redacted = (text: string) => text.replace(/(?:sk-test-0123456789abcdef)+/g, '[redacted]');
  if (typeof value === 'string') return redacted(value);
  if (Array.isArray(value)) return value.map(withKeysRedacted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [redacted(key), withKeysRedacted(inner)]),
  );
}

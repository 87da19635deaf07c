/** The shortest run of a key that counts as a leak. */
const RUN = 8;

const upperHex = (text: string) => encodeURIComponent(text);
const lowerHex = (text: string) => upperHex(text).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const jsonEscapedSlash = (text: string) => jsonEscaped(text).replaceAll('/', '\\/');
const FORMS = [(text: string) => text, upperHex, lowerHex, jsonEscaped, jsonEscapedSlash];

/**
 * Test oracle, written apart from `redactSecret`: every run of 8 characters of `key` that `text`
 * holds raw, URL-encoded (either hex case) or JSON-escaped.
 */
export function keyRuns(text: string, key: string): string[] {
  const found = new Set<string>();
  for (let at = 0; at + RUN <= key.length; at++) {
    const run = key.slice(at, at + RUN);
    for (const form of FORMS) if (text.includes(form(run))) found.add(form(run));
  }
  return [...found];
}

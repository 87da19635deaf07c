// The same escapes redactSecret decodes (src/core/redact-secret.ts): one character as URLs (%2F),
// JSON (\/ \" \u002F) and HTML (&#47; &#x2F; &amp;) escape it. Kept in step with it by the test
// that checks this function says yes wherever redactSecret changes a text.
const ESCAPE = /%[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[^u]|&#x[0-9a-f]{1,6};|&#\d{1,7};|&(?:amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const JSON_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const MIN_RUN = 8;

function decode(sequence: string): string {
  let code: number;
  if (sequence[0] === '%') code = Number.parseInt(sequence.slice(1), 16);
  else if (sequence[0] === '\\' && sequence[1] === 'u') code = Number.parseInt(sequence.slice(2), 16);
  else if (sequence[0] === '\\') return JSON_ESCAPES[sequence[1] as string] ?? (sequence[1] as string);
  else if (sequence[1] !== '#') return NAMED[sequence.slice(1, -1).toLowerCase()] as string;
  else if (sequence[2] === 'x' || sequence[2] === 'X') code = Number.parseInt(sequence.slice(3), 16);
  else code = Number(sequence.slice(2, -1));
  return code <= 0xffff ? String.fromCharCode(code) : '';
}

/**
 * @internal Whether `text` may quote `secret` as `redactSecret` finds it (a run of 8 of its
 * characters, raw or escaped): a quick test with native string search, so a large answer that
 * quotes nothing is not walked character by character. Never says no where `redactSecret` would
 * redact; may say yes where it would not.
 *
 * @example
 * const safe = quotesSecret(text, apiKey) ? redactSecret(text, apiKey) : text;
 */
export function quotesSecret(text: string, secret: string): boolean {
  const run = Math.min(MIN_RUN, secret.length);
  const decoded = text.replace(ESCAPE, decode);
  for (let at = 0; at + run <= secret.length; at++) {
    const piece = secret.slice(at, at + run);
    if (text.includes(piece) || decoded.includes(piece)) return true;
  }
  return false;
}

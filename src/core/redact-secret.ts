/** @internal What takes the place of a copy of the secret. */
export const REDACTED = '[redacted]';
/** The shortest run of a secret's characters that counts as a copy of it. */
const MIN_RUN = 8;

// One character as URLs (%2F), JSON (\/ \" \u002F) and HTML (&#47; &#x2F; &amp;) escape it.
const ESCAPE = /%[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[^u]|&#x[0-9a-f]{1,6};|&#\d{1,7};|&(?:amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const JSON_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function decode(sequence: string): string {
  if (sequence[0] === '%') return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
  if (sequence[0] === '\\') {
    const letter = sequence[1] as string;
    return letter === 'u'
      ? String.fromCharCode(Number.parseInt(sequence.slice(2), 16))
      : (JSON_ESCAPES[letter] ?? letter);
  }
  if (sequence[1] !== '#') return NAMED[sequence.slice(1, -1).toLowerCase()] as string;
  const code =
    sequence[2] === 'x' || sequence[2] === 'X'
      ? Number.parseInt(sequence.slice(3), 16)
      : Number(sequence.slice(2, -1));
  return code <= 0xffff ? String.fromCharCode(code) : '';
}

/** `text` with its escapes decoded, and where each decoded character begins and ends in `text`. */
function decodeAll(text: string) {
  let decoded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const keep = (from: number, to: number) => {
    for (let at = from; at < to; at++) {
      decoded += text[at];
      starts.push(at);
      ends.push(at + 1);
    }
  };
  let kept = 0;
  for (const match of text.matchAll(ESCAPE)) {
    keep(kept, match.index);
    kept = match.index + match[0].length;
    const char = decode(match[0]);
    if (char.length !== 1) continue;
    decoded += char;
    starts.push(match.index);
    ends.push(kept);
  }
  keep(kept, text.length);
  return { decoded, starts, ends };
}

/**
 * @internal Replaces with `[redacted]` every run of 8 or more characters of `secret` (all of it,
 * when it is shorter) in `text`: raw, URL-encoded, JSON-escaped, HTML-escaped, or mixed — a key cut
 * at the edge of a text included. The text is searched as it is and with its escapes decoded.
 *
 * @example
 * redactSecret('{"auth":"Bearer sk_live_7Qm\\/2x…"}', 'sk_live_7Qm/2x…'); // '{"auth":"Bearer [redacted]"}'
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret || !text) return text;
  const run = Math.min(MIN_RUN, secret.length);
  const runs = new Set<string>();
  for (let at = 0; at + run <= secret.length; at++) runs.add(secret.slice(at, at + run));

  // +1 where a copy starts, -1 where it ends: where the running sum is positive, the text is a copy.
  const covered = new Int32Array(text.length + 1);
  const mark = (reading: string, starts: ArrayLike<number>, ends: ArrayLike<number>) => {
    for (let at = 0; at + run <= reading.length; at++) {
      if (!runs.has(reading.slice(at, at + run))) continue;
      covered[starts[at] as number]++;
      covered[ends[at + run - 1] as number]--;
    }
  };
  const positions = Array.from({ length: text.length + 1 }, (_, at) => at);
  mark(text, positions, positions.slice(1));
  const { decoded, starts, ends } = decodeAll(text);
  if (decoded !== text) mark(decoded, starts, ends);

  let result = '';
  let depth = 0;
  let kept = 0;
  for (let at = 0; at <= text.length; at++) {
    const before = depth;
    depth += covered[at] as number;
    if (before === 0 && depth > 0) result += `${text.slice(kept, at)}${REDACTED}`;
    if (before > 0 && depth === 0) kept = at;
  }
  return result + text.slice(kept);
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

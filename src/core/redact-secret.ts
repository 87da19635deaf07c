/** What takes the place of a copy of the secret. */
const REDACTED = '[redacted]';
/** The shortest run of a secret's characters that counts as a copy of it. */
const MIN_RUN = 8;

// One character as URLs (%2F), JSON (\/ \" \u002F) and HTML (&#47; &#x2F; &amp;) escape it.
const ESCAPE = /%[0-9a-f]{2}|\\u[0-9a-f]{4}|\\.|&#x[0-9a-f]{1,6};|&#[0-9]{1,7};|&(?:amp|lt|gt|quot|apos);/iy;
const JSON_ESCAPES = new Map([...'bfnrt'].map((letter) => [letter, JSON.parse(`"\\${letter}"`) as string]));
const HTML_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function decode(sequence: string): string {
  const [first, second = ''] = sequence;
  if (first === '%') return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
  if (first === '\\') {
    if (second === 'u' && sequence.length === 6)
      return String.fromCharCode(Number.parseInt(sequence.slice(2), 16));
    return JSON_ESCAPES.get(second) ?? second;
  }
  if (second === '#') {
    const hex = sequence[2] === 'x' || sequence[2] === 'X';
    const code = Number.parseInt(sequence.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return HTML_ENTITIES.get(sequence.slice(1, -1).toLowerCase()) ?? '';
}

/** The longest escape, `&#1114111;`, is 10 characters: runs are never pending further ahead. */
const AHEAD = 16;

/**
 * @internal Replaces with `[redacted]` every run of 8 or more characters of `secret` (all of it,
 * when it is shorter) in `text`: raw, URL-encoded, JSON-escaped, HTML-escaped, or mixed — a key cut
 * at the edge of a text included. Where an escape begins, the text is read both as it is and as the
 * character the escape stands for, so no reading hides a run. Linear in the text's length.
 *
 * @example
 * redactSecret('{"auth":"Bearer sk_live_7Qm\\/2x…"}', 'sk_live_7Qm/2x…'); // '{"auth":"Bearer [redacted]"}'
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret || !text) return text;
  const size = secret.length;
  const minRun = Math.min(MIN_RUN, size);
  const offsetsOf = new Map<number, number[]>();
  for (let offset = 0; offset < size; offset++) {
    const code = secret.charCodeAt(offset);
    offsetsOf.set(code, [...(offsetsOf.get(code) ?? []), offset]);
  }
  // +1 where a copy starts, -1 where it ends: where the running sum is positive, the text is a copy.
  const covered = new Int32Array(text.length + 1);
  let found = false;
  // Runs of the secret that continue at a position of the text, in a ring of AHEAD positions of
  // `size` offsets each: by the offset in the secret where they continue, their length (0: none)
  // and where they began; `offsets` lists the offsets in use.
  const lengths = new Int32Array(AHEAD * size);
  const starts = new Int32Array(AHEAD * size);
  const offsets = new Int32Array(AHEAD * size);
  const counts = new Int32Array(AHEAD);

  const follow = (code: number, end: number, offset: number, start: number, length: number) => {
    if (secret.charCodeAt(offset) !== code) return;
    if (length + 1 >= minRun) {
      covered[start]++;
      covered[end]--;
      found = true;
    }
    const next = offset + 1;
    if (next === size) return;
    const slot = end % AHEAD;
    const at = slot * size + next;
    const known = lengths[at] ?? 0;
    if (known === 0) {
      const count = counts[slot] ?? 0;
      offsets[slot * size + count] = next;
      counts[slot] = count + 1;
    }
    // Of two runs reaching the same place of text and secret, the longer covers the other.
    if (known < length + 1) {
      lengths[at] = length + 1;
      starts[at] = start;
    }
  };
  const begin = (code: number, end: number, start: number) => {
    const fresh = offsetsOf.get(code);
    if (fresh) for (const offset of fresh) follow(code, end, offset, start, 0);
  };

  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let escaped = -1;
    let escapeEnd = at;
    if (code === 0x25 || code === 0x5c || code === 0x26) {
      ESCAPE.lastIndex = at;
      const sequence = ESCAPE.exec(text)?.[0];
      const char = sequence === undefined ? '' : decode(sequence);
      if (sequence !== undefined && char.length === 1) {
        escaped = char.charCodeAt(0);
        escapeEnd = at + sequence.length;
      }
    }
    const slot = at % AHEAD;
    const base = slot * size;
    const count = counts[slot] ?? 0;
    for (let index = 0; index < count; index++) {
      const offset = offsets[base + index] ?? 0;
      const start = starts[base + offset] ?? 0;
      const length = lengths[base + offset] ?? 0;
      follow(code, at + 1, offset, start, length);
      if (escaped >= 0) follow(escaped, escapeEnd, offset, start, length);
      lengths[base + offset] = 0;
    }
    counts[slot] = 0;
    begin(code, at + 1, at);
    if (escaped >= 0) begin(escaped, escapeEnd, at);
  }
  if (!found) return text;

  let result = '';
  let depth = 0;
  let kept = 0;
  for (let at = 0; at <= text.length; at++) {
    const before = depth;
    depth += covered[at] ?? 0;
    if (before === 0 && depth > 0) result += `${text.slice(kept, at)}${REDACTED}`;
    if (before > 0 && depth === 0) kept = at;
  }
  return result + text.slice(kept);
}

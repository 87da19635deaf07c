import { jsonStringContents } from './json-string-tokens.js';

/** @internal What takes the place of a copy of the secret. */
export const REDACTED = '[redacted]';
/** The shortest run of a secret's characters that counts as a copy of it in text. */
const MIN_RUN = 8;

// One character as URLs (%2F), JSON (\/ \" \u002F) and HTML (&#47; &#x2F; &amp;) escape it.
const ESCAPE = /%[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[^u]|&#x[0-9a-f]{1,6};|&#\d{1,7};|&(?:amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const JSON_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Where a copy begins in a text and where it ends. */
type Span = [start: number, end: number];

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

/**
 * Every place in `text` where `length` characters of `secret` follow each other, in order, each
 * as far as the text goes on as the secret does. Native search finds them, so a long text that
 * quotes nothing costs one pass, and a long copy is walked once.
 */
function* copiesIn(text: string, secret: string, length: number): Generator<Span> {
  const pieces = new Set<string>();
  for (let at = 0; at + length <= secret.length; at++) pieces.add(secret.slice(at, at + length));
  const literal = (piece: string) => piece.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const pattern = new RegExp([...pieces].map(literal).join('|'), 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let end = match.index + length;
    for (let at = secret.indexOf(match[0]) + length; at < secret.length && text[end] === secret[at]; at++)
      end++;
    yield [match.index, end];
    // A copy found within this one ends inside it; one that starts among its last characters may not.
    pattern.lastIndex = end - length + 1;
  }
}

/**
 * Maps positions of `text` with its escapes decoded back to `text`: where the decoded character at
 * a position begins and ends in `text`. Asked for positions that never go back, it walks the
 * escapes once, keeping no table.
 */
function decodedToRaw(text: string): (at: number) => Span {
  const escapes = new RegExp(ESCAPE.source, 'gi');
  let next = escapes.exec(text);
  let raw = 0;
  let decoded = 0;
  return (at) => {
    while (next) {
      const plain = next.index - raw;
      if (at < decoded + plain) break;
      const width = decode(next[0]).length;
      if (at < decoded + plain + width) return [next.index, escapes.lastIndex];
      decoded += plain + width;
      raw = escapes.lastIndex;
      next = escapes.exec(text);
    }
    const start = raw + at - decoded;
    return [start, start + 1];
  };
}

/** Copies found in `text` with its escapes decoded, as spans of `text`. */
function* inRaw(copies: Iterable<Span>, text: string): Generator<Span> {
  const startOf = decodedToRaw(text);
  const endOf = decodedToRaw(text);
  for (const [start, end] of copies) yield [startOf(start)[0], endOf(end - 1)[1]];
}

/** Two lists of spans, each by start, as one by start. */
function* byStart(one: Iterator<Span>, other: Iterator<Span>): Generator<Span> {
  let a = one.next();
  let b = other.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && a.value[0] <= b.value[0])) {
      yield a.value as Span;
      a = one.next();
    } else {
      yield b.value;
      b = other.next();
    }
  }
}

/** Every copy of runs of `length` characters of `secret` in `text`, raw or escaped, by start. */
function copiesOf(text: string, secret: string, length: number): Generator<Span> {
  const decoded = text.replace(ESCAPE, decode);
  const escaped = decoded === text ? [] : inRaw(copiesIn(decoded, secret, length), text);
  return byStart(copiesIn(text, secret, length), escaped[Symbol.iterator]());
}

/** `text` in pieces, each span (spans that touch or overlap as one) a `[redacted]` piece. */
function piecesAround(text: string, spans: Iterable<Span>): string[] {
  const pieces: string[] = [];
  let kept = 0;
  let open: Span | undefined;
  for (const [start, end] of spans) {
    if (open && start <= open[1]) {
      open[1] = Math.max(open[1], end);
      continue;
    }
    if (open) {
      pieces.push(text.slice(kept, open[0]), REDACTED);
      kept = open[1];
    }
    open = [start, end];
  }
  if (!open) return [text];
  pieces.push(text.slice(kept, open[0]), REDACTED, text.slice(open[1]));
  return pieces;
}

/** Whole copies of `secret` (raw or escaped) inside the string tokens of `json`, by start. */
function* copiesInJsonStrings(json: string, secret: string): Generator<Span> {
  const tokens = jsonStringContents(json);
  let token = tokens.next();
  for (const [start, end] of copiesOf(json, secret, secret.length)) {
    while (!token.done && token.value[1] <= start) token = tokens.next();
    if (!token.done && token.value[0] <= start && end <= token.value[1]) yield [start, end];
  }
}

/**
 * @internal `text` in pieces, `[redacted]` in place of each copy of `secret` it holds, to be
 * joined or encoded one after the other (a 4 MiB answer is never copied into one string again);
 * one piece, `text` itself, when it holds none. What counts as a copy depends on what `text` is:
 *
 * - `'text'`: every run of 8 or more characters of `secret` (all of it, when it is shorter) —
 *   raw, URL-encoded, JSON-escaped, HTML-escaped, or mixed; a key cut at the edge of the text
 *   included. For text no visitor's data can reach: headers, the gateway's pages, error texts.
 * - `'json'`: `text` is valid JSON (the caller parsed it); only each whole copy of `secret`, raw or
 *   escaped, inside one of its string tokens. No number, quote or space between tokens changes, so
 *   the JSON stays valid and its numbers as they were.
 *
 * Either way the text is searched as it is and with its escapes decoded, in time linear in its
 * length, with native search: a long text that quotes nothing costs one pass.
 *
 * @example
 * redactedPieces('{"id":71234567890101,"note":"sk-test-0123456789abcdef"}', 'sk-test-0123456789abcdef', 'json');
 * // ['{"id":71234567890101,"note":"', '[redacted]', '"}']
 */
export function redactedPieces(text: string, secret: string, kind: 'text' | 'json'): string[] {
  if (!secret || !text) return [text];
  // In JSON, only the whole key. JSON answers carry what visitors wrote (addRecord, then getRecord
  // reads it back): were a run of the key redacted there, a visitor who plants guesses would read,
  // in what came back changed, whether a guess extends what they know of the key — its public
  // prefix (`sk_live_`) first, then each character found. Requiring 8 characters of the secret
  // part only delays that: once 8 are known, the same test finds the others one by one. The whole
  // key is redacted only for someone who holds it already: nothing is learned.
  const copies =
    kind === 'json'
      ? copiesInJsonStrings(text, secret)
      : copiesOf(text, secret, Math.min(MIN_RUN, secret.length));
  return piecesAround(text, copies);
}

/**
 * @internal `text` with every run of 8 or more characters of `secret` replaced with `[redacted]`:
 * `redactedPieces(text, secret, 'text')`, joined.
 *
 * @example
 * redactSecret('{"auth":"Bearer sk_live_7Qm\\/2x…"}', 'sk_live_7Qm/2x…'); // '{"auth":"Bearer [redacted]"}'
 */
export function redactSecret(text: string, secret: string): string {
  return redactedPieces(text, secret, 'text').join('');
}

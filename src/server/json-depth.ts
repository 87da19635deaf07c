const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * @internal Whether the JSON text `text` nests arrays and objects deeper than `maxDepth`, found in
 * one pass without parsing: what the proxy does with a body (its fingerprint, the marker field)
 * recurses, and a body nested 100 000 deep would overflow the stack there.
 *
 * @example
 * nestsDeeperThan('{"a":[{"b":1}]}', 2); // true: three levels
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === BACKSLASH) at++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (OPENERS.has(char)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSERS.has(char)) depth--;
  }
  return false;
}

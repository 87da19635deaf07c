/**
 * @internal Where each string token of a JSON text holds its content (from after its opening quote
 * to its closing quote), keys and values alike, in order. `json` must be valid JSON, where a `"`
 * outside a string cannot occur; a string left open ends the list.
 *
 * @example
 * [...jsonStringContents('{"a":[1,"b\\"c"]}')]; // [[2, 3], [9, 13]]
 */
export function* jsonStringContents(json: string): Generator<[start: number, end: number]> {
  for (let open = json.indexOf('"'); open !== -1; ) {
    let close = json.indexOf('"', open + 1);
    while (close !== -1 && isEscaped(json, close)) close = json.indexOf('"', close + 1);
    if (close === -1) return;
    yield [open + 1, close];
    open = json.indexOf('"', close + 1);
  }
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function isEscaped(json: string, at: number): boolean {
  let backslashes = 0;
  while (json[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

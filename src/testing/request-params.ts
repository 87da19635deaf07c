/** A request's JSON body, read as named parameters. */
export type RequestParams = Record<string, unknown>;

/**
 * The body as parameters: an object as is, anything else (no body, a list, text) as none.
 * @example paramsOf(null) // {}
 */
export const paramsOf = (body: unknown): RequestParams =>
  typeof body === 'object' && body !== null ? (body as RequestParams) : {};

/**
 * A whole number ≥ 0 that a parameter carries, as a JSON number or as decimal text, or `undefined`
 * for anything else (1.5, −1, NaN, `'1e3'`, `' 2'`, `true`, beyond `Number.MAX_SAFE_INTEGER`).
 * @example wholeNumberOf('20') // 20
 */
export function wholeNumberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * Whether a parameter is an id (`tpl_id`, `code_id`, `record_id`, `field_id`, `option_id`): a
 * positive whole number, as a number or as decimal text.
 * @example isId(7001) // true; isId('0'), isId(1.5) // false
 */
export const isId = (value: unknown): boolean => (wholeNumberOf(value) ?? 0) > 0;

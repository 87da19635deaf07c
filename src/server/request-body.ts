import { nestsDeeperThan } from './json-depth.js';
import { type Outcome, refuse } from './outcome.js';
import { readBoundedBytes } from './read-bounded-bytes.js';

/**
 * How deep a request body may nest arrays and objects. The API's own bodies nest a few levels
 * (`addRecord`: the record, its fields, a field's value); past this the body is refused.
 */
export const MAX_BODY_DEPTH = 64;

const isJson = (contentType: string | null) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * A refusal after which the connection is closed: the rest of the body is never read, so the
 * connection cannot carry another call (Node's http server honours `Connection: close`).
 */
function closing(outcome: Outcome): Outcome {
  outcome.response.headers.set('Connection', 'close');
  return outcome;
}

/**
 * @internal The request's body as text when it is one JSON object the proxy can handle: JSON by its
 * `Content-Type`, at most `maxBytes`, arrived within `timeoutMs` of the proxy starting to read it,
 * UTF-8, nested at most `MAX_BODY_DEPTH` levels. Else the refusal: 400 (100301), 408 or 413.
 *
 * @example
 * const body = await readJsonBody(request, { maxBytes: 256 * 1024, timeoutMs: 10_000 });
 * if (typeof body !== 'string') return body; // the refusal
 */
export async function readJsonBody(
  request: Request,
  { maxBytes, timeoutMs }: { maxBytes: number; timeoutMs: number },
): Promise<string | Outcome> {
  if (!isJson(request.headers.get('content-type'))) {
    return refuse('invalid', 400, 'the body must be JSON (Content-Type: application/json)', 100301);
  }
  const tooLarge = () =>
    closing(refuse('invalid', 413, `the body must be at most ${maxBytes} bytes`, 100301));
  if (Number(request.headers.get('content-length')) > maxBytes) return tooLarge();
  const junk = (detail: string) => refuse('invalid', 400, detail, 100301);
  if (!request.body) return junk('the body must be a JSON object');
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBoundedBytes(request.body, maxBytes, deadline.signal);
  } catch {
    if (deadline.signal.aborted)
      return closing(refuse('invalid', 408, `the body did not arrive within ${timeoutMs} ms`));
    return junk('the body could not be read');
  } finally {
    clearTimeout(timer);
  }
  if (!bytes) return tooLarge();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return junk('the body must be UTF-8');
  }
  if (nestsDeeperThan(text, MAX_BODY_DEPTH))
    return junk(`the body must nest at most ${MAX_BODY_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return junk('the body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return junk('the body must be a JSON object');
  return text;
}

/**
 * @internal What makes two writes the same submission: their payloads as JSON text (equal values,
 * not the same object), or `undefined` for one that is not JSON, which the client refuses to send.
 * @example payloadText({ tpl_id: 1 }) === payloadText({ tpl_id: 1 }); // true
 */
export function payloadText(request: unknown): string | undefined {
  try {
    return JSON.stringify(request);
  } catch {
    return undefined;
  }
}

/** @internal What was read of a body. */
export interface BoundedText {
  text: string;
  /** Whether the body went on past the limit: the rest was cancelled, never read. */
  cut: boolean;
}

/**
 * @internal Reads `body` as UTF-8 text, at most `maxBytes(textSoFar)` bytes of it, and cancels the
 * rest. fetch has already inflated a compressed body: the limit bounds what it inflates to. Rejects
 * as reading the body would (a `TypeError` when it breaks off or is not made of bytes).
 *
 * @example
 * const { text, cut } = await readBoundedText(response.body, () => 1024 * 1024);
 */
export async function readBoundedText(
  body: ReadableStream<Uint8Array>,
  maxBytes: (textSoFar: string) => number,
): Promise<BoundedText> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), cut: false };
    // The same check Response.text() makes; ArrayBuffer.isView also knows another realm's arrays.
    if (!ArrayBuffer.isView(value)) {
      reader.cancel().catch(() => {});
      throw new TypeError('The body is not a stream of bytes');
    }
    const chunk = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const room = Math.max(0, maxBytes(text) - bytes);
    if (chunk.byteLength > room) {
      // Not awaited: a source that never settles its cancel must not hold the answer.
      reader.cancel().catch(() => {});
      return { text: text + decoder.decode(chunk.subarray(0, room), { stream: true }), cut: true };
    }
    bytes += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
  }
}

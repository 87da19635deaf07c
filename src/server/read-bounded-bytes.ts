/**
 * @internal Reads `body` whole when it holds at most `maxBytes` bytes; `undefined` (the rest
 * cancelled, never read) when it holds more. Nothing past the limit is buffered.
 *
 * @example
 * const bytes = await readBoundedBytes(request.body, 256 * 1024);
 */
export async function readBoundedBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!ArrayBuffer.isView(value)) {
      reader.cancel().catch(() => {});
      throw new TypeError('The body is not a stream of bytes');
    }
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a source that never settles its cancel must not hold the answer.
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

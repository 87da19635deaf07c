/**
 * @internal Reads `body` whole when it holds at most `maxBytes` bytes; `undefined` (the rest
 * cancelled, never read) when it holds more. Nothing past the limit is buffered. When `signal`
 * aborts first, the rest is cancelled and the read rejects with the signal's reason.
 *
 * @example
 * const bytes = await readBoundedBytes(request.body, 256 * 1024, AbortSignal.timeout(10_000));
 */
export async function readBoundedBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  // Not awaited: a source that never settles its cancel must not hold the answer.
  const cancel = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      // A cancel on abort ends a pending read as if the body were whole.
      signal?.throwIfAborted();
      if (done) break;
      if (!ArrayBuffer.isView(value)) throw new TypeError('The body is not a stream of bytes');
      size += value.byteLength;
      if (size > maxBytes) {
        cancel();
        return undefined;
      }
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (error) {
    cancel();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

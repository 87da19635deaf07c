/**
 * @internal Resolves after `ms`, or as soon as `signal` aborts (never rejects: the caller looks
 * at the signal to tell which).
 * @example await sleep(250, request.signal); if (request.signal?.aborted) return;
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

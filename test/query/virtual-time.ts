import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Longer than any wait before a retry: our back-off is at most 30 s, and so is React Query's own
 * default. A request still sent once after this long was never going to be sent again.
 */
export const RETRY_WINDOW_MS = 60_000;

/** Fakes the timers React Query, the client, its gate and MSW's `delay` use. Call in `beforeEach`. */
export function useVirtualTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** Moves virtual time on in 100 ms steps; act() lets React and the fetches catch up after each. */
export async function advance(ms: number) {
  for (let elapsed = 0; elapsed < ms; elapsed += 100) await act(() => vi.advanceTimersByTimeAsync(100));
}

/** Moves virtual time on until `done()` holds; fails if it does not within `withinMs`. */
export async function until(done: () => boolean, withinMs = 10_000) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > withinMs) throw new Error(`not done within ${withinMs} ms of virtual time`);
    await act(() => vi.advanceTimersByTimeAsync(100));
  }
}

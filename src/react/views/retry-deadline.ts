import { useEffect, useState } from 'react';
import { type ApiError, getRetryAt, MAX_RETRY_AFTER_MS } from '../../core/index.js';

/** Our own wait when a 429 has no `Retry-After`: 5–10 s, jittered so clients don't return together. */
const fallbackWaitMs = () => 5000 + Math.random() * 5000;

// The end of a wait that no retry has scheduled, kept per error: every view of one error (the
// countdown, the host's submit button) counts down to the same moment.
const deadlines = new WeakMap<ApiError, number>();

/**
 * @internal When the wait after `error` ends (Unix milliseconds): `retryAt`, else the moment a retry
 * was scheduled for (`getRetryAt`), else its `Retry-After` (or 5–10 s of our own for a 429), counted
 * from the first call for this error; `undefined` when nothing says to wait.
 * @example deadlineOf(error, undefined) // Date.now() + 3000 for a 429 with Retry-After: 3
 */
export function deadlineOf(error: ApiError, retryAt: number | undefined): number | undefined {
  const scheduled = retryAt ?? getRetryAt(error);
  if (scheduled !== undefined) return scheduled;
  const { retryAfterMs, code, status } = error;
  const valid = typeof retryAfterMs === 'number' && retryAfterMs >= 0 && retryAfterMs <= MAX_RETRY_AFTER_MS;
  if (!valid && code !== 429 && status !== 429) return undefined;
  let deadline = deadlines.get(error);
  if (deadline === undefined) {
    deadline = Date.now() + (valid ? retryAfterMs : fallbackWaitMs());
    deadlines.set(error, deadline);
  }
  return deadline;
}

const secondsUntil = (deadline: number | undefined) =>
  deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));

/** The delay until the number of whole seconds left next changes. */
const untilNextSecond = (deadline: number, seconds: number) => deadline - Date.now() - (seconds - 1) * 1000;

/**
 * @internal The whole seconds left until `deadline` (0 when there is none or it has passed),
 * re-rendering the component that asks when the number changes, not on a fixed interval that drifts.
 * @example const seconds = useSecondsLeft(deadlineOf(error, retryAt));
 */
export function useSecondsLeft(deadline: number | undefined): number {
  const [shown, setShown] = useState(() => ({ deadline, seconds: secondsUntil(deadline) }));
  useEffect(() => {
    if (deadline === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      const seconds = secondsUntil(deadline);
      setShown((last) =>
        last.deadline === deadline && last.seconds === seconds ? last : { deadline, seconds },
      );
      if (seconds > 0) timer = setTimeout(wake, untilNextSecond(deadline, seconds));
    };
    wake();
    return () => clearTimeout(timer);
  }, [deadline]);
  // A new deadline counts from its own first second, not from the last one's.
  return shown.deadline === deadline ? shown.seconds : secondsUntil(deadline);
}

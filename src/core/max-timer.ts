/** @internal `setTimeout` fires at once for delays past 2^31 − 1 ms (about 24 days): longer ones are cut to it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

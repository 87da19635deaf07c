import { DEFAULT_HOLD_MS } from './limits-contract.js';
import type { ProxyStore } from './proxy-store.js';

/**
 * A budget learned from an upstream 429 is three quarters of the upstream's rate as what it took
 * before the 429 shows it: the most it took in a window of up to `TAKEN_WINDOW_TICKS` ticks ending
 * then, over the window's length plus one second. A bucket that holds a second of its rate takes at
 * most that rate times (window + 1 s), however the burst spread over the window (a slow machine
 * spreads it); counted per second instead, a burst spread over one second would teach the bucket
 * plus a second of refill. The window is 5 s, so that an upstream seconds slow to answer still
 * shows what it took (a call counts once answered). It is kept this long after the last 429, then
 * forgotten (the next burst teaches it again).
 */
const LEARNED_MARGIN = 0.75;
const LEARNED_SECONDS = 300;
const TICK_MS = 100;
const TAKEN_WINDOW_TICKS = 50;
/** Rates are kept in the store as whole hundredths of a request per second. */
const HUNDREDTHS = 100;
const MANY = 1_000_000_000;

/**
 * @internal The organisation's budget when none is configured, learned from the upstream's 429s
 * and shared by every instance through the store: the answers other than 429, counted by the tick
 * their call left in, and the rate they show at a 429.
 *
 * @example
 * const learned = createLearnedBudget(store);
 * await learned.countAccepted(sentAt); // an answer other than 429
 * await learned.learnFrom429(sentAt, holdUntil); // a 429: the budget, and the hold
 * const rate = await learned.rate(); // calls a second, or undefined before any 429
 */
export function createLearnedBudget(store: ProxyStore) {
  const accepted = store.limiter({
    keyPrefix: 'accepted',
    points: MANY,
    duration: Math.ceil((TAKEN_WINDOW_TICKS * TICK_MS) / 1000) + 1,
  });
  const learned = store.limiter({ keyPrefix: 'learned', points: MANY, duration: LEARNED_SECONDS });

  /**
   * The upstream's rate as what it took before `now` shows it (see `LEARNED_MARGIN`). Each answer
   * counts in the tick its call left in: the calls that left since a tick began and were answered
   * by `now` were all taken between the two, however a busy machine spread them on the way or
   * bunched their answers on the way back.
   */
  const tookPerSecond = async (now: number): Promise<number> => {
    const tick = Math.floor(now / TICK_MS);
    const counts = await Promise.all(
      Array.from({ length: TAKEN_WINDOW_TICKS }, (_, back) => accepted.get(String(tick - back))),
    );
    let taken = 0;
    let most = 0;
    for (const [back, count] of counts.entries()) {
      taken += count?.consumedPoints ?? 0;
      most = Math.max(most, taken / (((back + 1) * TICK_MS) / 1000 + 1));
    }
    return most;
  };

  return {
    /** The learned budget in calls a second; `undefined` before any 429 taught one. */
    async rate(): Promise<number | undefined> {
      const hundredths = (await learned.get('rate'))?.consumedPoints;
      return hundredths ? hundredths / HUNDREDTHS : undefined;
    },

    /** Counts an answer other than 429 to a call that left at `sentAt`. */
    async countAccepted(sentAt: number): Promise<void> {
      // Counted at once, so that a 429 read with it finds it counted, and taken back when a hold
      // was on: taken then, it is the tail of a burst, let through by what the upstream's bucket
      // refilled since its 429, and would teach a rate above the upstream's own.
      const now = Date.now();
      const tick = String(Math.floor(Math.min(sentAt, now) / TICK_MS));
      const [heldUntil] = await Promise.all([store.holdUntil(), accepted.consume(tick)]);
      if (now < heldUntil) await accepted.reward(tick);
    },

    /** Learns the budget from a 429 to a call that left at `sentAt`, and holds until `until`. */
    async learnFrom429(sentAt: number, until: number): Promise<void> {
      const now = Date.now();
      // Everything the budget depends on is read at once, and the budget written with the hold: a
      // store slow to answer must not end the hold before the budget that follows it is known.
      const [heldUntil, learnedRate, took] = await Promise.all([
        store.holdUntil(),
        learned.get('rate'),
        tookPerSecond(now),
      ]);
      // The answers of one burst arrive in any order, so within an episode (until the hold ends)
      // the largest estimate wins; a 429 in a new episode, while the learned budget paces, lowers
      // it. A budget written less than a hold ago is this burst's own, written by a 429 learned
      // at the same time as this one, whose hold this one's look may have missed; and a call that
      // left before the budget was written is the burst's tail, however late its 429 came back.
      let rate = took * LEARNED_MARGIN;
      if (learnedRate) {
        const current = learnedRate.consumedPoints / HUNDREDTHS;
        const writtenAt = now - (LEARNED_SECONDS * 1000 - learnedRate.msBeforeNext);
        const freshEpisode = now >= heldUntil && now - writtenAt >= DEFAULT_HOLD_MS && sentAt > writtenAt;
        rate = freshEpisode ? current * LEARNED_MARGIN : Math.max(current, rate);
      }
      const hundredths = Math.round(Math.max(1, rate) * HUNDREDTHS);
      await Promise.all([learned.set('rate', hundredths, LEARNED_SECONDS), store.hold(until)]);
    },
  };
}

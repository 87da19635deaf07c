import { RateLimiterRes } from 'rate-limiter-flexible';
import type { ProxyStore } from './proxy-store.js';
import { sleep } from './sleep.js';

/**
 * A call leaves only while this share of its budget slot is still ahead: the moments between the
 * last look at the clock and the call leaving (a busy process, a pause) must not carry it into the
 * next slot, where it would make two in one slot, and more than the budget in a second of the clock.
 */
const DEPARTURE_MARGIN = 0.25;

/** One look at the hold and the budget: `undefined` to go now, else how long to wait and why. */
export type Step = { wait: number; reason: string } | undefined;

/**
 * @internal The organisation's budget as slots of the wall clock kept in the store: one call per
 * slot of 1/rate seconds, the same slots on every instance. Evenly spread, so an upstream token
 * bucket never sees a burst of a second's budget at once, and no second of the clock sees more
 * than the budget.
 *
 * @example
 * const slots = createBudgetSlots(store);
 * const step = await slots.take(5); // undefined: go now
 */
export function createBudgetSlots(store: ProxyStore) {
  let storeRoundTripMs = 0;

  return {
    /** Takes the slot for a call now, at `rate` calls a second; else how long to wait for one. */
    async take(rate: number): Promise<Step> {
      // The slot asked for is the one the store's answer will come in, by how long its last
      // answer took: on a store slower than a slot, the slot current when asking would always be
      // over by the answer.
      const slotMs = 1000 / rate;
      const asked = Date.now();
      const slot = Math.floor((asked + storeRoundTripMs) / slotMs);
      const slots = store.limiter({ keyPrefix: 'budget', points: 1, duration: Math.ceil(slotMs / 1000) });
      try {
        await slots.consume(`${rate}:${slot}`);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { wait: Math.ceil((slot + 1) * slotMs - Date.now()), reason: 'organisation budget' };
      }
      storeRoundTripMs = Date.now() - asked;
      const early = slot * slotMs - Date.now();
      if (early > 0) await sleep(early, undefined);
      // A slot taken too late (a slow store, a busy process) is not spent late, where it would
      // crowd the next one: the call waits for a slot of its own.
      const onTime = Date.now() < (slot + 1 - DEPARTURE_MARGIN) * slotMs;
      return onTime ? undefined : { wait: 0, reason: 'organisation budget' };
    },
  };
}

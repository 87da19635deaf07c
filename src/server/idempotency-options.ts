import { MAX_TIMER_MS } from '../core/max-timer.js';
import { DEFAULT_MAX_WAIT_MS } from './limits-contract.js';
import type { ProxyStore } from './proxy-store.js';

/**
 * How the proxy remembers writes sent with an `Idempotency-Key` (`createApiProxy`'s
 * `idempotency`). Every field is optional.
 *
 * @example
 * createApiProxy({ apiKey, allow: 'form', store, idempotency: { markerField: { 7001: 71234567890104 } } });
 */
export interface IdempotencyOptions {
  /** How long a key's outcome is kept, in seconds (default 86 400: a day). */
  ttlSeconds?: number;
  /**
   * How long a resend waits for the first call with its key, still in flight, before a 409
   * `idempotency key in flight` with `Retry-After: 1` (default 10 000 ms).
   */
  waitMs?: number;
  /**
   * The hidden field of each form (`tpl_id` → `field_id`) into which the proxy writes the key of
   * an `addRecord`, so that after an ambiguous failure it finds the record by that value alone.
   * Without one for a form, a record counts as the submission's only when every submitted value
   * matches and no other record in the window does.
   * @example markerField: (tplId) => (tplId === 7001 ? 71234567890104 : undefined)
   */
  markerField?: Readonly<Record<number, number>> | ((tplId: number) => number | undefined);
  /**
   * After an ambiguous failure of `addRecord`, records submitted from this many seconds before the
   * send to this many seconds after the check are looked at (default 60: clocks differ).
   */
  lookupWindowSeconds?: number;
}

/** @internal `IdempotencyOptions` checked and filled in. */
export interface IdempotencySettings {
  store: ProxyStore;
  ttlMs: number;
  waitMs: number;
  /** The marker field of a form, if it has one. */
  markerFieldOf: (tplId: number) => number | undefined;
  lookupWindowSeconds: number;
  /** Pages of 50 records read at most in one lookup. */
  lookupPages: number;
  /** How long a call holds its key: past any call's end, so a crashed instance's lock lapses. */
  lockTtlMs: number;
}

const LOOKUP_PAGES = 4;

/** A setting's error names the setting, never its value: a key pasted by mistake must not reach a log. */
function fail(message: string): never {
  throw new TypeError(`createApiProxy: idempotency.${message}`);
}

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

function checkMarkerField(marker: unknown): (tplId: number) => number | undefined {
  if (marker === undefined) return () => undefined;
  if (typeof marker === 'function') {
    const markerOf = marker as (tplId: number) => unknown;
    return (tplId) => {
      const field = markerOf(tplId);
      // A host's function that answers something else marks nothing; it must not break a call.
      return isId(field) ? field : undefined;
    };
  }
  if (typeof marker !== 'object' || marker === null || Array.isArray(marker))
    fail('markerField must be an object of tpl_id → field_id, or a function');
  const fields = new Map<string, number>();
  for (const [tplId, fieldId] of Object.entries(marker)) {
    if (!/^[1-9]\d*$/.test(tplId)) fail('markerField: each key must be a tpl_id (a positive whole number)');
    // Only a tpl_id (digits, checked above) is named, never the value.
    if (!isId(fieldId)) fail(`markerField[${tplId}] must be a field_id (a positive whole number)`);
    fields.set(tplId, fieldId);
  }
  return (tplId) => fields.get(String(tplId));
}

/**
 * @internal Checks `createApiProxy`'s `idempotency` once, at creation; `undefined` for `false`.
 * @example resolveIdempotency({}, { store: createMemoryStore(), timeoutMs: 15_000 });
 */
export function resolveIdempotency(
  options: IdempotencyOptions | false | undefined,
  { store, timeoutMs, maxWaitMs }: { store: ProxyStore; timeoutMs: number; maxWaitMs: unknown },
): IdempotencySettings | undefined {
  if (options === false) return undefined;
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new TypeError('createApiProxy: idempotency must be an object of options, or false');
  // A setting given as undefined takes its default, as one left out does.
  const { ttlSeconds = 86_400, waitMs = 10_000, lookupWindowSeconds = 60 } = options ?? {};
  if (!(typeof ttlSeconds === 'number' && Number.isSafeInteger(ttlSeconds) && ttlSeconds > 0))
    fail('ttlSeconds must be a whole number of seconds above 0');
  if (!(typeof waitMs === 'number' && waitMs >= 0 && waitMs <= MAX_TIMER_MS))
    fail(`waitMs must be a number of milliseconds from 0 to ${MAX_TIMER_MS}`);
  if (
    !(
      typeof lookupWindowSeconds === 'number' &&
      Number.isFinite(lookupWindowSeconds) &&
      lookupWindowSeconds >= 0
    )
  )
    fail('lookupWindowSeconds must be a number of seconds, 0 or more');
  const missing = (['setIfAbsent', 'get', 'set', 'delete'] as const).filter(
    (name) => typeof store?.[name] !== 'function',
  );
  if (missing.length > 0)
    throw new TypeError(
      `createApiProxy: the store has no ${missing.join(', ')}, which idempotency needs (update the store, or pass idempotency: false)`,
    );
  // The limits' own check of maxWaitMs reports a bad one; here it only bounds the lock.
  const budgetWait =
    typeof maxWaitMs === 'number' && Number.isFinite(maxWaitMs) && maxWaitMs >= 0
      ? maxWaitMs
      : DEFAULT_MAX_WAIT_MS;
  return {
    store,
    ttlMs: ttlSeconds * 1000,
    waitMs,
    markerFieldOf: checkMarkerField(options === undefined ? undefined : options.markerField),
    lookupWindowSeconds,
    lookupPages: LOOKUP_PAGES,
    // A lookup before the write, the write, a lookup after it: each call may wait for the budget
    // and then take the whole timeout.
    lockTtlMs: (1 + 2 * LOOKUP_PAGES) * (budgetWait + timeoutMs) + 5_000,
  };
}

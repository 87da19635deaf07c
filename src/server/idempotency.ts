import type { WriteEndpoint } from '../client/endpoints.js';
import { quotedKey } from '../client/idempotency-key.js';
import { envelopeResponse, jsonResponse } from './envelope.js';
import { sha256Hex, shortHash } from './idempotency-key.js';
import type { IdempotencySettings } from './idempotency-options.js';
import type { Outcome } from './proxy-handler.js';
import type { IdempotencyResult } from './proxy-log.js';
import { findRecord, type ReadRecords, type Submission, submissionOf, withMarker } from './record-lookup.js';
import { sleep } from './sleep.js';

/** What the store keeps per key: the body's fingerprint, and the outcome once it is final. */
interface Kept {
  fingerprint: string;
  state: 'done' | 'unknown';
  status?: number;
  body?: string;
  /** When the first write with this key went upstream (Unix ms): where a lookup starts. */
  sentAt?: number;
}

/** How often a resend looks again at a key still in flight. */
const POLL_MS = 100;
/** The first and the longest pause between tries to release a lock while the store fails. */
const RELEASE_RETRY_MS = { first: 250, longest: 1_000 };

const parse = <T>(text: string | undefined): T | undefined => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
};

/**
 * Whether an upstream answer ends the key's story: `done` (a success, or a refusal the API made),
 * `not-stored` (nothing was written: a 429, a 401, a local refusal) or `ambiguous`.
 */
async function verdictOf(outcome: Outcome): Promise<'done' | 'not-stored' | 'ambiguous'> {
  if (outcome.outcome === 'limited') return 'not-stored';
  if (outcome.outcome !== 'forwarded') return 'ambiguous';
  const { status } = outcome.response;
  if (status === 429 || status === 401) return 'not-stored';
  const envelope = parse<Record<string, unknown>>(await outcome.response.clone().text());
  if (typeof envelope !== 'object' || envelope === null) return 'ambiguous';
  if (status >= 200 && status < 300 && envelope.code === 0) return 'done';
  const refusal =
    [400, 403, 404].includes(envelope.code as number) || typeof envelope.error_code === 'number';
  // The API's refusals come as 4xx, though nothing documents that it never sends one with a 200.
  return status < 500 && refusal ? 'done' : 'ambiguous';
}

/** Deletes the lock if it still holds `token`: after it lapsed, another call's lock is left alone. */
async function releaseLock(store: IdempotencySettings['store'], lockKey: string, token: string) {
  if (parse<{ token: string }>(await store.get(lockKey))?.token === token) await store.delete(lockKey);
}

/**
 * Releases the lock in the background while the store fails, until it would have lapsed anyway.
 * A `setIfAbsent` that passed its deadline may still land: the first read that succeeds after it
 * comes later on the same connection, so it sees that lock (and deletes it) or it never lands.
 * Without this, a late lock would make every resend wait and get a 409 for minutes.
 */
function releaseLockLater(
  store: IdempotencySettings['store'],
  lockKey: string,
  token: string,
  until: number,
  pauseMs = RELEASE_RETRY_MS.first,
) {
  if (Date.now() + pauseMs >= until) return;
  const timer = setTimeout(() => {
    releaseLock(store, lockKey, token).catch(() =>
      releaseLockLater(store, lockKey, token, until, Math.min(2 * pauseMs, RELEASE_RETRY_MS.longest)),
    );
  }, pauseMs);
  // A process may exit while this waits: the lock then lapses on its own.
  (timer as { unref?: () => void }).unref?.();
}

/**
 * What a write needs from its body, made before the key's state is touched: the submission a
 * lookup compares, the marker field and the body sent upstream (with the key in the marker
 * field); or why the proxy cannot handle the body (values nested too deeply to copy or compare).
 */
function prepareWrite(
  endpoint: WriteEndpoint,
  body: string,
  key: string,
  markerFieldOf: IdempotencySettings['markerFieldOf'],
): { submission: Submission | undefined; fieldId: number | undefined; sent: string } | { problem: string } {
  const problem = (error: unknown) => ({
    problem:
      error instanceof RangeError
        ? 'the proxy cannot handle this body: its values are nested too deeply'
        : 'the body must be a JSON object',
  });
  let submission: Submission | undefined;
  try {
    submission = endpoint === 'addRecord' ? submissionOf(body) : undefined;
  } catch (error) {
    return problem(error);
  }
  // The host's function, outside the try: its failure is the host's, not the body's.
  const fieldId = submission && markerFieldOf(submission.tplId);
  if (fieldId === undefined) return { submission, fieldId, sent: body };
  try {
    return { submission, fieldId, sent: withMarker(body, fieldId, key) };
  } catch (error) {
    return problem(error);
  }
}

/** The store keys of one key: its endpoint, whose key it is (hashed), and the key. */
async function storeKeysOf(endpoint: WriteEndpoint, key: string, scope: string | undefined) {
  // Never the identity itself in a store key: a hash of it. Anonymous callers share one scope.
  const owner = scope === undefined ? 'anonymous' : await sha256Hex(`scope\n${scope}`);
  return {
    recordKey: `idempotency:${endpoint}:${owner}:${key}`,
    lockKey: `idempotency-lock:${endpoint}:${owner}:${key}`,
  };
}

/** Why upstream failed, for the message of the 502 that follows a lookup. */
function causeOf(outcome: Outcome): string {
  if (outcome.outcome === 'upstream-timeout') return 'upstream timed out';
  if (outcome.outcome === 'upstream-unreachable') return 'upstream unreachable';
  if (outcome.outcome === 'upstream-invalid') return 'upstream answered unreadably';
  return `upstream answered ${outcome.response.status}`;
}

/**
 * @internal The proxy's memory of writes sent with an `Idempotency-Key`: the first goes upstream
 * and its final outcome is kept; a resend with the same body gets that outcome (never a second
 * write), waits for the first while it is in flight, or gets a 409 after `waitMs`; the same key
 * with another body gets a 422. After an ambiguous failure of `addRecord`, the record is looked
 * up before the browser is answered; it counts as stored only when found.
 *
 * Records are scoped: `scope` (the identity `authorize` established, if any) is part of their
 * store keys, hashed, so another caller sending the same key and body gets nothing of them.
 *
 * @example
 * const idempotency = createIdempotency(settings.idempotency, { write, readRecords });
 * const outcome = await idempotency.handle(request, 'addRecord', body, key, userId);
 */
export function createIdempotency(
  settings: IdempotencySettings,
  io: {
    /** Sends `body` upstream as the browser's write (visitor limit, budget, fetch). */
    write: (request: Request, endpoint: WriteEndpoint, body: string) => Promise<Outcome>;
    /** One page of `record/getRecords` upstream, within the budget. */
    readRecords: (request: Request) => ReadRecords;
  },
) {
  const { store, ttlMs, waitMs, lockTtlMs } = settings;

  async function handle(
    request: Request,
    endpoint: WriteEndpoint,
    body: string,
    key: string,
    scope?: string,
  ): Promise<Outcome> {
    // Everything that can fail on the body, before any state of the key is kept.
    const write = prepareWrite(endpoint, body, key, settings.markerFieldOf);
    if ('problem' in write) {
      return {
        outcome: 'invalid',
        response: envelopeResponse(400, { detail: write.problem, errorCode: 100301 }),
      };
    }
    const { submission, fieldId, sent } = write;
    const fingerprint = await sha256Hex(`${endpoint}\n${body}`);
    const keyHash = await shortHash(key);
    const { recordKey, lockKey } = await storeKeysOf(endpoint, key, scope);
    const token = crypto.randomUUID();

    const noted = (outcome: Outcome, result: IdempotencyResult, echo = true): Outcome => {
      if (echo) outcome.response.headers.set('Idempotency-Key', quotedKey(key));
      return { ...outcome, idempotency: { keyHash, result } };
    };
    const mismatch = () =>
      noted(
        {
          outcome: 'conflict',
          response: envelopeResponse(422, { detail: 'idempotency key reused with a different payload' }),
        },
        'mismatch',
      );
    const replay = (kept: Kept) =>
      noted(
        {
          outcome: 'replayed',
          response: jsonResponse(kept.status ?? 200, kept.body ?? '', { 'Idempotent-Replayed': 'true' }),
        },
        'replayed',
      );
    const keep = (kept: Kept) => store.set(recordKey, JSON.stringify(kept), ttlMs);

    /** Looks for the record of an earlier send whose outcome is unknown. */
    const lookUp = async (sentAt: number) => {
      if (!submission || request.signal?.aborted) return { failed: true } as const;
      const window = settings.lookupWindowSeconds;
      try {
        return await findRecord({
          submission,
          marker: fieldId === undefined ? undefined : { fieldId, key },
          from: Math.floor(sentAt / 1000 - window),
          to: Math.ceil(Date.now() / 1000 + window),
          pages: settings.lookupPages,
          readRecords: io.readRecords(request),
        });
      } catch {
        return { failed: true } as const;
      }
    };
    /** The answer `addRecord` gives, for a record found after the fact; kept as the outcome. */
    const confirm = async (recordId: unknown, upstreamStatus?: number) => {
      const body = JSON.stringify({ code: 0, message: 'ok', data: { record_id: recordId } });
      await keep({ fingerprint, state: 'done', status: 200, body }).catch(() => {});
      return noted({ outcome: 'confirmed', response: jsonResponse(200, body), upstreamStatus }, 'confirmed');
    };

    async function whileHeld(): Promise<Outcome> {
      const kept = parse<Kept>(await store.get(recordKey));
      if (kept && kept.fingerprint !== fingerprint) return mismatch();
      if (kept?.state === 'done') return replay(kept);
      if (kept?.state === 'unknown' && endpoint === 'addRecord') {
        // An earlier send's outcome is unknown: find out before writing again.
        const found = await lookUp(kept.sentAt ?? Date.now() - ttlMs);
        if ('recordId' in found) return confirm(found.recordId);
        if ('failed' in found) {
          const detail = 'an earlier send may have been stored, and the proxy could not check';
          // Logged as unreachable: the lookup could not reach upstream; nothing was written.
          return noted(
            { outcome: 'upstream-unreachable', response: envelopeResponse(502, { detail }) },
            'unchecked',
          );
        }
      }
      const sentAt = kept?.sentAt ?? Date.now();
      // Kept before the write: a crash while it is upstream leaves "unknown", never "nothing happened".
      await keep({ fingerprint, state: 'unknown', sentAt });
      let outcome: Outcome;
      try {
        outcome = await io.write(request, endpoint, sent);
      } catch (error) {
        // The limits' store failed before anything went upstream; an earlier send stays unknown.
        if (kept?.state !== 'unknown') await store.delete(recordKey).catch(() => {});
        throw error;
      }
      return settle(outcome, sentAt, kept?.state === 'unknown');
    }

    async function settle(outcome: Outcome, sentAt: number, unknownBefore: boolean) {
      const verdict = await verdictOf(outcome);
      try {
        if (verdict === 'done') {
          const status = outcome.response.status;
          await keep({ fingerprint, state: 'done', status, body: await outcome.response.clone().text() });
          return noted(outcome, 'kept');
        }
        if (verdict === 'not-stored') {
          // This write stored nothing, but an earlier one with the key may have: that stays unknown.
          if (!unknownBefore) await store.delete(recordKey);
          return noted(outcome, 'forgotten');
        }
        if (endpoint === 'verifyCertificate') {
          // Nothing can be looked up: the desk checks the certificate before trying again.
          await store.delete(recordKey);
          return noted(outcome, 'forgotten', false);
        }
      } catch {
        // The store failed after upstream answered: the answer stands; the key stays unknown at worst.
        return noted(outcome, 'unchecked');
      }
      if (outcome.outcome === 'aborted') return noted(outcome, 'unchecked');
      const found = await lookUp(sentAt);
      if ('recordId' in found) return confirm(found.recordId, outcome.upstreamStatus);
      outcome.response.body?.cancel().catch(() => {});
      const checked =
        'notFound' in found
          ? found.notFound === 'none'
            ? 'the proxy checked and found no record of this submission'
            : 'the proxy checked and found more than one record like this submission, and claimed none'
          : 'the proxy could not check whether the record was stored';
      const detail = `${causeOf(outcome)}; ${checked}`;
      return noted(
        { ...outcome, response: envelopeResponse(502, { detail }) },
        'notFound' in found ? 'not-found' : 'unchecked',
      );
    }

    /** Takes the key's lock; when the store fails, a lock that lands late is released later. */
    async function takeLock(): Promise<boolean> {
      const until = Date.now() + lockTtlMs;
      try {
        return await store.setIfAbsent(lockKey, JSON.stringify({ token, fingerprint }), lockTtlMs);
      } catch (error) {
        releaseLockLater(store, lockKey, token, until);
        throw error;
      }
    }

    const deadline = Date.now() + waitMs;
    for (;;) {
      const kept = parse<Kept>(await store.get(recordKey));
      if (kept && kept.fingerprint !== fingerprint) return mismatch();
      if (kept?.state === 'done') return replay(kept);
      if (await takeLock()) break;
      const lock = parse<{ fingerprint: string }>(await store.get(lockKey));
      if (lock && lock.fingerprint !== fingerprint) return mismatch();
      if (request.signal?.aborted)
        return noted(
          { outcome: 'aborted', response: envelopeResponse(502, { detail: 'the call was cancelled' }) },
          'in-flight',
        );
      const left = deadline - Date.now();
      if (left <= 0) {
        const response = envelopeResponse(409, {
          detail: 'idempotency key in flight',
          headers: { 'Retry-After': '1' },
        });
        return noted({ outcome: 'conflict', response }, 'in-flight');
      }
      await sleep(Math.min(POLL_MS, left), request.signal);
    }
    try {
      return await whileHeld();
    } finally {
      // Read, then delete (no Lua): the lock outlives any call, so it is still ours unless the
      // call took longer than lockTtlMs.
      await releaseLock(store, lockKey, token).catch(() =>
        releaseLockLater(store, lockKey, token, Date.now() + lockTtlMs),
      );
    }
  }

  return { handle };
}

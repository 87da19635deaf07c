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

/** The proxy's calls upstream that the layer makes. */
interface IdempotencyIo {
  /** Sends `body` upstream as the browser's write (visitor limit, budget, fetch). */
  write: (request: Request, endpoint: WriteEndpoint, body: string) => Promise<Outcome>;
  /** One page of `record/getRecords` upstream, within the budget. */
  readRecords: (request: Request) => ReadRecords;
}

/** One write with its key, as each step sees it: the body prepared, and where the key's state is kept. */
interface KeyedCall {
  settings: IdempotencySettings;
  io: IdempotencyIo;
  request: Request;
  endpoint: WriteEndpoint;
  key: string;
  /** What a lookup compares, and the marker field (see `prepareWrite`). */
  submission: Submission | undefined;
  fieldId: number | undefined;
  /** The body sent upstream. */
  sent: string;
  fingerprint: string;
  keyHash: string;
  recordKey: string;
  lockKey: string;
  /** This call's mark in the lock, so that it releases no other call's. */
  token: string;
}

/** The outcome with the key's log entry, and the key echoed in the answer unless `echo` is false. */
function noted(call: KeyedCall, outcome: Outcome, result: IdempotencyResult, echo = true): Outcome {
  if (echo) outcome.response.headers.set('Idempotency-Key', quotedKey(call.key));
  return { ...outcome, idempotency: { keyHash: call.keyHash, result } };
}

/** The 422 for a key reused with another body. */
const mismatch = (call: KeyedCall) =>
  noted(
    call,
    {
      outcome: 'conflict',
      response: envelopeResponse(422, { detail: 'idempotency key reused with a different payload' }),
    },
    'mismatch',
  );

/** What the store keeps for the key, if anything (readable). */
const readKept = async (call: KeyedCall) => parse<Kept>(await call.settings.store.get(call.recordKey));
/** Keeps `kept` as the key's state, for `ttlMs`. */
const keep = (call: KeyedCall, kept: Kept) =>
  call.settings.store.set(call.recordKey, JSON.stringify(kept), call.settings.ttlMs);

/** Looks for the record of an earlier send whose outcome is unknown. */
async function lookUp(call: KeyedCall, sentAt: number) {
  const { submission, fieldId, key, settings, request } = call;
  if (!submission || request.signal?.aborted) return { failed: true } as const;
  const window = settings.lookupWindowSeconds;
  try {
    return await findRecord({
      submission,
      marker: fieldId === undefined ? undefined : { fieldId, key },
      from: Math.floor(sentAt / 1000 - window),
      to: Math.ceil(Date.now() / 1000 + window),
      pages: settings.lookupPages,
      readRecords: call.io.readRecords(request),
    });
  } catch {
    return { failed: true } as const;
  }
}

/** The answer `addRecord` gives, for a record found after the fact; kept as the outcome. */
async function confirm(call: KeyedCall, recordId: unknown, upstreamStatus?: number) {
  const body = JSON.stringify({ code: 0, message: 'ok', data: { record_id: recordId } });
  await keep(call, { fingerprint: call.fingerprint, state: 'done', status: 200, body }).catch(() => {});
  return noted(
    call,
    { outcome: 'confirmed', response: jsonResponse(200, body), upstreamStatus },
    'confirmed',
  );
}

/** The answer a kept outcome gives: a 422 when it was kept for another body, its replay once final. */
function answerFromKept(call: KeyedCall, kept: Kept | undefined): Outcome | undefined {
  if (kept && kept.fingerprint !== call.fingerprint) return mismatch(call);
  if (kept?.state !== 'done') return undefined;
  return noted(
    call,
    {
      outcome: 'replayed',
      response: jsonResponse(kept.status ?? 200, kept.body ?? '', { 'Idempotent-Replayed': 'true' }),
    },
    'replayed',
  );
}

/** Takes the key's lock; when the store fails, a lock that lands late is released later. */
async function takeLock({ settings, lockKey, token, fingerprint }: KeyedCall): Promise<boolean> {
  const until = Date.now() + settings.lockTtlMs;
  try {
    return await settings.store.setIfAbsent(
      lockKey,
      JSON.stringify({ token, fingerprint }),
      settings.lockTtlMs,
    );
  } catch (error) {
    releaseLockLater(settings.store, lockKey, token, until);
    throw error;
  }
}

/**
 * Waits a moment for the first call, which holds the lock; answers instead when that call has
 * another body (422), when this one was cancelled, or once `deadline` has passed (409).
 */
async function waitForFirstCall(call: KeyedCall, deadline: number): Promise<Outcome | undefined> {
  const lock = parse<{ fingerprint: string }>(await call.settings.store.get(call.lockKey));
  if (lock && lock.fingerprint !== call.fingerprint) return mismatch(call);
  if (call.request.signal?.aborted)
    return noted(
      call,
      { outcome: 'aborted', response: envelopeResponse(502, { detail: 'the call was cancelled' }) },
      'in-flight',
    );
  const left = deadline - Date.now();
  if (left <= 0) {
    const response = envelopeResponse(409, {
      detail: 'idempotency key in flight',
      headers: { 'Retry-After': '1' },
    });
    return noted(call, { outcome: 'conflict', response }, 'in-flight');
  }
  await sleep(Math.min(POLL_MS, left), call.request.signal);
  return undefined;
}

/**
 * Claims the key: takes its lock (then `undefined`), or answers without it, from the kept outcome
 * or while waiting for a first call in flight, for up to `waitMs`.
 */
async function claimKey(call: KeyedCall): Promise<Outcome | undefined> {
  const deadline = Date.now() + call.settings.waitMs;
  for (;;) {
    const answer = answerFromKept(call, await readKept(call));
    if (answer) return answer;
    if (await takeLock(call)) return undefined;
    const waited = await waitForFirstCall(call, deadline);
    if (waited) return waited;
  }
}

/**
 * Looks up the record of an earlier send whose outcome is unknown: the answer when it is found
 * (kept as the outcome) or cannot be looked for (a 502); `undefined` when none was found.
 */
async function lookUpEarlierSend(call: KeyedCall, kept: Kept): Promise<Outcome | undefined> {
  const found = await lookUp(call, kept.sentAt ?? Date.now() - call.settings.ttlMs);
  if ('recordId' in found) return confirm(call, found.recordId);
  if ('failed' in found) {
    const detail = 'an earlier send may have been stored, and the proxy could not check';
    // Logged as unreachable: the lookup could not reach upstream; nothing was written.
    return noted(
      call,
      { outcome: 'upstream-unreachable', response: envelopeResponse(502, { detail }) },
      'unchecked',
    );
  }
  return undefined;
}

/**
 * Keeps what upstream's answer settles: a final outcome, or nothing where the write stored nothing
 * or cannot be looked up; `undefined` for an ambiguous answer to `addRecord`, looked up next.
 */
async function keepOutcome(call: KeyedCall, outcome: Outcome, unknownBefore: boolean) {
  const { settings, recordKey, fingerprint } = call;
  const verdict = await verdictOf(outcome);
  try {
    if (verdict === 'done') {
      const status = outcome.response.status;
      await keep(call, { fingerprint, state: 'done', status, body: await outcome.response.clone().text() });
      return noted(call, outcome, 'kept');
    }
    if (verdict === 'not-stored') {
      // This write stored nothing, but an earlier one with the key may have: that stays unknown.
      if (!unknownBefore) await settings.store.delete(recordKey);
      return noted(call, outcome, 'forgotten');
    }
    if (call.endpoint === 'verifyCertificate') {
      // Nothing can be looked up: the desk checks the certificate before trying again.
      await settings.store.delete(recordKey);
      return noted(call, outcome, 'forgotten', false);
    }
  } catch {
    // The store failed after upstream answered: the answer stands; the key stays unknown at worst.
    return noted(call, outcome, 'unchecked');
  }
  return undefined;
}

/**
 * Answers an ambiguous failure of `addRecord` once its record is looked up: the record's answer
 * when found, else a 502 that says what failed and what the lookup found.
 */
async function answerAfterLookup(call: KeyedCall, outcome: Outcome, sentAt: number): Promise<Outcome> {
  if (outcome.outcome === 'aborted') return noted(call, outcome, 'unchecked');
  const found = await lookUp(call, sentAt);
  if ('recordId' in found) return confirm(call, found.recordId, outcome.upstreamStatus);
  outcome.response.body?.cancel().catch(() => {});
  const checked =
    'notFound' in found
      ? found.notFound === 'none'
        ? 'the proxy checked and found no record of this submission'
        : 'the proxy checked and found more than one record like this submission, and claimed none'
      : 'the proxy could not check whether the record was stored';
  const detail = `${causeOf(outcome)}; ${checked}`;
  return noted(
    call,
    { ...outcome, response: envelopeResponse(502, { detail }) },
    'notFound' in found ? 'not-found' : 'unchecked',
  );
}

/** Sends the write upstream, the key kept "unknown" meanwhile, and keeps or looks up what follows. */
async function sendAndKeep(call: KeyedCall, kept: Kept | undefined): Promise<Outcome> {
  const sentAt = kept?.sentAt ?? Date.now();
  // Kept before the write: a crash while it is upstream leaves "unknown", never "nothing happened".
  await keep(call, { fingerprint: call.fingerprint, state: 'unknown', sentAt });
  let outcome: Outcome;
  try {
    outcome = await call.io.write(call.request, call.endpoint, call.sent);
  } catch (error) {
    // The limits' store failed before anything went upstream; an earlier send stays unknown.
    if (kept?.state !== 'unknown') await call.settings.store.delete(call.recordKey).catch(() => {});
    throw error;
  }
  return (
    (await keepOutcome(call, outcome, kept?.state === 'unknown')) ?? answerAfterLookup(call, outcome, sentAt)
  );
}

/**
 * With the key's lock held: the kept outcome (a first call may have ended meanwhile), else the
 * write sent, after a lookup when an earlier send's outcome is unknown.
 */
async function whileHeld(call: KeyedCall): Promise<Outcome> {
  const kept = await readKept(call);
  const answer = answerFromKept(call, kept);
  if (answer) return answer;
  if (kept?.state === 'unknown' && call.endpoint === 'addRecord') {
    // An earlier send's outcome is unknown: find out before writing again.
    const found = await lookUpEarlierSend(call, kept);
    if (found) return found;
  }
  return sendAndKeep(call, kept);
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
export function createIdempotency(settings: IdempotencySettings, io: IdempotencyIo) {
  const { store, lockTtlMs } = settings;

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
    const call: KeyedCall = {
      settings,
      io,
      request,
      endpoint,
      key,
      ...write,
      fingerprint: await sha256Hex(`${endpoint}\n${body}`),
      keyHash: await shortHash(key),
      ...(await storeKeysOf(endpoint, key, scope)),
      token: crypto.randomUUID(),
    };
    const answer = await claimKey(call);
    if (answer) return answer;
    try {
      return await whileHeld(call);
    } finally {
      // Read, then delete (no Lua): the lock outlives any call, so it is still ours unless the
      // call took longer than lockTtlMs.
      await releaseLock(store, call.lockKey, call.token).catch(() =>
        releaseLockLater(store, call.lockKey, call.token, Date.now() + lockTtlMs),
      );
    }
  }

  return { handle };
}

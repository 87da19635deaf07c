import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddRecordRequest, AddRecordResult } from '../../client/index.js';
import { type ApiError, gotNoAnswer, toApiError } from '../../core/index.js';
import { useApiClient } from '../query/api-client-provider.js';
import { rememberIdempotencyKey } from '../query/idempotency-keys.js';
import { withSendClaim } from './send-claim.js';
import type { SubmissionDraft } from './submission-draft.js';
import type { SubmissionDraftControls } from './use-submission-draft.js';

/** What `useSendWhenOnline` reads of `useAddRecord`'s result. */
export type AddRecordMutation = Pick<
  UseMutationResult<AddRecordResult, ApiError, AddRecordRequest, unknown>,
  'mutateAsync' | 'status' | 'error'
>;

export interface SendWhenOnlineControls {
  /**
   * The submission waiting for the connection, kept with its values and key: show that it will
   * be sent (`<PendingSubmission>`). `undefined` when there is none.
   */
  waiting: SubmissionDraft | undefined;
  /** Whether it is on its way now, sent by a trigger or by `sendNow`. */
  sending: boolean;
  /** Sends it now ("立即提交"); resolves once the attempt is over, whatever its outcome. */
  sendNow: () => Promise<void>;
}

type Resendable = SubmissionDraft & { idempotencyKey: string };

// Only a draft whose resend cannot store twice is sent without the person: every value is in it,
// and its key lets the proxy answer a resend of a stored submission with that submission.
const resendable = (draft: SubmissionDraft | undefined): Resendable | undefined =>
  draft?.unanswered && draft.complete && draft.idempotencyKey !== undefined
    ? (draft as Resendable)
    : undefined;

// The proxy's "idempotency key in flight": an earlier attempt with this key is still on its way.
const isInFlight = (error: unknown) => [toApiError(error).status, toApiError(error).code].includes(409);
/** After a 409 without `Retry-After`: the proxy's own answer asks for 1 s. */
const IN_FLIGHT_RETRY_MS = 1000;

// An automatic trigger waits while the browser knows it is offline; a tap on "send now" does not.
const mayBeOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * Sends a submission that met no connection once the connection returns — stored once, without
 * Background Sync (absent in Safari and in-app browsers). A write that got no answer (a network
 * error, a timeout) stays kept by `useSubmissionDraft` with its values and `Idempotency-Key`, and
 * is sent again on `online`, when the page becomes visible, on the next page load (also after a
 * reload while it was on its way), or on `sendNow`; a proxy's 409 "in flight" is tried again after
 * its `Retry-After`. One sender at a time per submission: a Web Lock where the browser has them,
 * else a claim in `localStorage` (not atomic: two tabs may both send in a near tie); and since
 * every resend carries the same key, a proxy that honours keys stores it once. Needs a client that
 * sends keys (`idempotencyKeys`) and a complete draft: otherwise nothing is sent by itself.
 *
 * @example
 * const saved = useSubmissionDraft({ id: `record-${tplId}-${codeId}`, template });
 * const submit = useAddRecord({ onMutate: (request) => void saved.save(request), onSuccess: saved.clear });
 * const offline = useSendWhenOnline(saved, submit);
 * // While it waits, the form's submit sends the kept submission, never a new one.
 * const send = () => (offline.waiting ? offline.sendNow() : submit.mutate(request));
 * {offline.waiting && <PendingSubmission savedAt={offline.waiting.savedAt} sending={offline.sending} onSendNow={offline.sendNow} />}
 */
export function useSendWhenOnline(
  saved: SubmissionDraftControls,
  submit: AddRecordMutation,
): SendWhenOnlineControls {
  const client = useApiClient();
  const [waiting, setWaiting] = useState<SubmissionDraft | undefined>(undefined);
  const [sending, setSending] = useState(false);
  // The event listeners and a send in progress use the latest controls, not those of their render.
  const latest = useRef({ saved, submit });
  latest.current = { saved, submit };

  // While it waits, its key is the one every write of its payload sends — a tap on the form's own
  // submit too, before any resend has run — never a new one, which could store it twice.
  const wait = useCallback(
    (draft: SubmissionDraft | undefined) => {
      const kept = resendable(draft);
      if (kept) rememberIdempotencyKey(client, 'addRecord', kept.request, kept.idempotencyKey);
      setWaiting(kept);
    },
    [client],
  );

  const sendNow = useCallback(async () => {
    const draft = resendable(latest.current.saved.stored());
    if (!draft) return setWaiting(undefined);
    // `sending` is the running send's only: a trigger refused the claim leaves it as it is.
    await withSendClaim(draft.idempotencyKey, async () => {
      // Read again under the claim: another tab may have sent it meanwhile.
      const current = resendable(latest.current.saved.stored());
      if (current?.idempotencyKey !== draft.idempotencyKey) return setWaiting(undefined);
      rememberIdempotencyKey(client, 'addRecord', current.request, current.idempotencyKey);
      setSending(true);
      try {
        // Its outcome shows through the mutation's state (below and in the host's views).
        await latest.current.submit.mutateAsync(current.request).catch(() => undefined);
      } finally {
        setSending(false);
      }
    });
  }, [client]);

  useSendTriggers(waiting !== undefined, sendNow);
  useOutcome(saved, submit, wait, sendNow);

  // The next page load: a submission the last one left unanswered.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, as the page loads
  useEffect(() => {
    const draft = resendable(saved.stored());
    wait(draft);
    if (draft && mayBeOnline()) void sendNow();
  }, []);

  return { waiting, sending, sendNow };
}

/** While a submission waits: sends it on `online`, and when the page becomes visible again. */
function useSendTriggers(active: boolean, sendNow: () => Promise<void>): void {
  useEffect(() => {
    if (!active) return;
    const send = () => {
      if (mayBeOnline()) void sendNow();
    };
    const sendIfVisible = () => {
      if (document.visibilityState === 'visible') send();
    };
    window.addEventListener('online', send);
    document.addEventListener('visibilitychange', sendIfVisible);
    return () => {
      window.removeEventListener('online', send);
      document.removeEventListener('visibilitychange', sendIfVisible);
    };
  }, [active, sendNow]);
}

/**
 * Each attempt's outcome: no answer (a network failure, a timeout) makes or keeps the submission
 * waiting; a 409 "in flight" keeps it waiting and tries again after its `Retry-After`; a success
 * ends the wait; any other answer ends it too, and the draft stays only to offer.
 */
function useOutcome(
  saved: SubmissionDraftControls,
  { status, error }: AddRecordMutation,
  wait: (draft: SubmissionDraft | undefined) => void,
  sendNow: () => Promise<void>,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each new outcome only
  useEffect(() => {
    if (status === 'success') wait(undefined);
    if (status !== 'error') return;
    // No answer: whether it was stored is unknown, and the key makes the resend safe.
    if (gotNoAnswer(error)) return wait(saved.stored());
    if (!isInFlight(error)) {
      saved.answered();
      return wait(undefined);
    }
    wait(saved.stored());
    const again = setTimeout(() => {
      if (mayBeOnline()) void sendNow();
    }, toApiError(error).retryAfterMs ?? IN_FLIGHT_RETRY_MS);
    return () => clearTimeout(again);
  }, [status, error]);
}

import { type ReactNode, useEffect, useRef } from 'react';
import { ApiErrorArea, type ApiErrorAreaProps } from './api-error-area.js';
import type { ApiMutationState } from './error-source.js';
import { SubmissionResult } from './submission-result.js';

/** What `SubmissionArea` reads of a mutation: any `useMutation` result fits, `useAddRecord`'s included. */
export interface SubmissionMutation extends ApiMutationState {
  isSuccess: boolean;
  reset: () => void;
}

export type SubmissionAreaProps = Omit<ApiErrorAreaProps, 'mutation' | 'error' | 'query'> & {
  /** The submission: `useAddRecord()`'s result. */
  mutation: SubmissionMutation;
  /**
   * Offers "再填一份" after a success: empty your values here; the form comes back, its first field
   * focused. Without it, the page ends at the success (see `SubmissionResult`).
   * @example onFillAnother={() => setValues({})}
   */
  onFillAnother?: () => unknown;
  /** What happens next, in your words, under the success's description. */
  next?: ReactNode;
};

/**
 * A form's whole submission area: the form while it is filled in (`aria-busy` while its
 * submission is on its way, not while a resend after an error is), an error that ends the flow in its place (`ApiErrorArea`), and once
 * the submission is stored, `SubmissionResult` in its place — the form is gone, so a second tap
 * cannot send it again (no 100307 for the person's own answers).
 * @example
 * <SubmissionArea mutation={submit} next="工作人员会短信联系您。">
 *   <form onSubmit={send}>…<ApiErrorView mutation={submit} /><button>提交</button></form>
 * </SubmissionArea>
 */
export function SubmissionArea({
  mutation,
  onFillAnother,
  next,
  children,
  ...viewProps
}: SubmissionAreaProps) {
  const area = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const fillAnother =
    onFillAnother &&
    (() => {
      refocus.current = true;
      mutation.reset();
      return onFillAnother();
    });
  // The form is back for another submission: the person starts at its first field.
  useEffect(() => {
    if (mutation.isSuccess || !refocus.current) return;
    refocus.current = false;
    area.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [mutation.isSuccess]);

  // Busy while a submission is on its way, not while one resends after an error: the views inside
  // then announce the wait or the check, which a busy area may keep quiet.
  const afterError = useRef(false);
  if (mutation.error != null) afterError.current = true;
  else if (!mutation.isPending) afterError.current = false;
  const busy = mutation.isPending && mutation.failureReason == null && !afterError.current;

  if (mutation.isSuccess) return <SubmissionResult onFillAnother={fillAnother}>{next}</SubmissionResult>;
  return (
    <div ref={area} className="cae-submission" aria-busy={busy || undefined}>
      <ApiErrorArea {...viewProps} mutation={mutation}>
        {children}
      </ApiErrorArea>
    </div>
  );
}

import { useState } from 'react';
import type { ApiError } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import { textSituation } from '../provider/text-keys.js';
import { payloadText } from '../query/payload-text.js';
import type { ApiMutationState } from './error-source.js';

/** The error a mutation last showed, when a resend of it cannot store twice, with what was sent. */
interface ResendableFailure {
  error: ApiError;
  variables: unknown;
}

// The same submission: the view's retry sends the very same variables; the host's own submit
// button, equal ones (the same payload gets the same idempotency key).
function samePayload(a: unknown, b: unknown): boolean {
  const text = payloadText(a);
  return Object.is(a, b) || (text !== undefined && text === payloadText(b));
}

/**
 * @internal Whether `mutation` is resending a submission whose last attempt failed ambiguously
 * with an idempotency key (`textSituation(…).idempotent`): React Query cleared that error, and the
 * proxy is finding out whether the first attempt was stored. Ends when the mutation settles.
 * @example const confirming = useConfirmingResend(mutation, apiError, { write: true, audience: 'public' });
 */
export function useConfirmingResend(
  mutation: ApiMutationState | undefined,
  error: ApiError | undefined,
  situation: { write: boolean; audience: ApiErrorsAudience },
): boolean {
  const [failure, setFailure] = useState<ResendableFailure>();
  let next = failure;
  if (!mutation) next = undefined;
  else if (error)
    next =
      failure?.error === error
        ? failure
        : textSituation(error, situation).idempotent
          ? { error, variables: mutation.variables }
          : undefined;
  else if (!mutation.isPending) next = undefined;
  // Kept from the render that showed the error to the one that no longer has it (React's
  // "state from previous renders": set while rendering, re-rendered at once).
  if (next !== failure) setFailure(next);
  return Boolean(
    mutation?.isPending && error === undefined && next && samePayload(next.variables, mutation.variables),
  );
}

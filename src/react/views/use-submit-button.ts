import { useContext, useMemo } from 'react';
import { describeError, toApiError } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { textKeys, textSituation } from '../provider/text-keys.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { type ApiMutationState, resolveSource } from './error-source.js';
import { deadlineOf, useSecondsLeft } from './retry-deadline.js';

/** What the host's own submit button shows, so that it never contradicts the error beside it. */
export interface SubmitButtonState {
  /**
   * Nothing may be sent from it now: the submission is on its way, or a 429's wait (the automatic
   * resend's, or the one before the person may resend) is counting down. Set `aria-disabled` (not
   * `disabled`, which drops keyboard focus) and ignore the form's submit while it is `true`.
   */
  disabled: boolean;
  /**
   * The button leads. `false` while the error beside it offers its own resend (重新提交 leads there,
   * one primary action per screen), including an unkeyed 502 whose resend may store twice: no
   * bright submit under that warning.
   */
  primary: boolean;
  /**
   * What it will do, in place of its own label, while that is not "submit": "20 秒后自动为您提交",
   * "20 秒后可以重新提交", then "正在为您提交…" while the automatic resend is on its way. `undefined`:
   * its own label (its own "提交中…" while `sending`).
   */
  label?: string;
  /** The first attempt is on its way. */
  sending: boolean;
  /** The stylesheet's classes for that look: `cae-button`, with `cae-button--primary` when `primary`. */
  className: string;
}

/**
 * The state of the host's own submit button for a mutation shown by `ApiErrorView`: disabled and
 * labelled with the wait while a 429 counts down (the same clock as the view's countdown), stepped
 * back to the secondary look while the error offers its resend, re-rendering once a second only
 * while a wait counts down.
 * @example
 * const button = useSubmitButton(submit);
 * const onSubmit = (event) => { event.preventDefault(); if (!button.disabled) submit.mutate(request()); };
 * <button type="submit" className={button.className} aria-disabled={button.disabled || undefined}>
 *   {button.label ?? (button.sending ? '提交中…' : '提交')}
 * </button>
 */
export function useSubmitButton(
  mutation: ApiMutationState,
  options: { audience?: ApiErrorsAudience } = {},
): SubmitButtonState {
  const t = useApiErrorsT();
  const provided = useContext(ApiErrorsContext).audience;
  const audience = options.audience ?? provided ?? 'public';
  const { error, retrying } = resolveSource({ mutation }, true);
  const apiError = useMemo(() => (error == null ? undefined : toApiError(error)), [error]);
  const description = apiError && describeError(apiError);
  // A wait counts down while React Query is about to resend by itself, or after a 429 it gave up on.
  const waits = retrying || (!mutation.isPending && description?.retry === 'after-delay');
  const seconds = useSecondsLeft(apiError && waits ? deadlineOf(apiError, undefined) : undefined);
  const line = (name: string) =>
    apiError && t(textKeys(`ui.${name}`, textSituation(apiError, { write: true, audience })), { seconds });

  let state: Omit<SubmitButtonState, 'className'>;
  if (retrying)
    state = {
      disabled: true,
      primary: true,
      sending: false,
      label: line(seconds > 0 ? 'waitAuto' : 'sending'),
    };
  else if (mutation.isPending) state = { disabled: true, primary: true, sending: true };
  else if (waits && seconds > 0)
    state = { disabled: true, primary: false, sending: false, label: line('waitManual') };
  else {
    const offersResend = description?.actions.includes('retry') === true;
    state = { disabled: false, primary: !offersResend, sending: false };
  }
  return { ...state, className: state.primary ? 'cae-button cae-button--primary' : 'cae-button' };
}

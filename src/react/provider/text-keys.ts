import { type ApiError, mayHaveBeenStored } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';

/** What decides which variant of a text a view shows. */
export interface TextSituation {
  /** The failed request was a write (a submission, a verification). */
  write: boolean;
  audience: ApiErrorsAudience;
  /** A write that failed after it may have been stored (502, network, timeout). */
  ambiguous?: boolean;
  /**
   * An ambiguous write whose resend cannot store it twice: it carried an idempotency key that the
   * proxy remembers. Never for the staff: the proxy cannot look a verification up, so theirs
   * keeps the honest "check the certificate first".
   */
  idempotent?: boolean;
  /** The catalog key, for texts specific to one code (`choose-another_100326`). */
  key?: string;
}

/**
 * The situation of `error`'s texts: a write that may have been stored is `ambiguous`; one whose
 * `idempotencyKey` is set (the proxy echoed it, or no answer came) is also `idempotent`, for a visitor.
 * @example textSituation(error, { write: true, audience: 'public' }) // { write, audience, ambiguous: true, idempotent: true }
 */
export function textSituation(
  error: ApiError,
  { write, audience }: { write: boolean; audience: ApiErrorsAudience },
): TextSituation {
  const ambiguous = write && mayHaveBeenStored(error);
  const idempotent = ambiguous && audience !== 'staff' && Boolean(error.idempotencyKey);
  return { write, audience, ambiguous, idempotent };
}

/**
 * The i18next keys to try for `base`, most specific first (i18next takes the first that exists):
 * per code, for a resend that cannot store twice, for an ambiguous write (the staff's, then
 * anyone's), `_write_staff`, `_staff`, `_write`, then `base` itself.
 * @example textKeys('errors.401.title', { write: true, audience: 'staff' })
 * // ['errors.401.title_write_staff', 'errors.401.title_staff', 'errors.401.title_write', 'errors.401.title']
 */
export function textKeys(
  base: string,
  { write, audience, ambiguous, idempotent, key }: TextSituation,
): string[] {
  const staff = audience === 'staff';
  return [
    key && `${base}_${key}`,
    idempotent && `${base}_idempotent`,
    ambiguous && staff && `${base}_ambiguous_staff`,
    ambiguous && `${base}_ambiguous`,
    write && staff && `${base}_write_staff`,
    staff && `${base}_staff`,
    write && `${base}_write`,
    base,
  ].filter((candidate): candidate is string => typeof candidate === 'string');
}

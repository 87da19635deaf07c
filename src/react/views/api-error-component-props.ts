import type { ApiError, ErrorDescription } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import type { ApiErrorHandlers } from '../provider/handlers.js';

/** What every per-key error component receives (also your own, through `components`). */
export interface ApiErrorComponentProps {
  error: ApiError;
  /** What the catalog says about it. */
  description: ErrorDescription;
  /**
   * `page` replaces the screen, `result` the form area the error ended (both take focus);
   * `inline` sits by the action that failed.
   */
  variant: 'page' | 'result' | 'inline';
  /** Whether the failed request was a write (a submission, a verification). */
  write: boolean;
  /** Who reads it. */
  audience: ApiErrorsAudience;
  /** React Query sends the request again by itself; the view shows the wait, not a button. */
  retrying: boolean;
  /** When it does, if known (Unix milliseconds). */
  retryAt?: number;
  /**
   * React Query has given up on the request: nothing sends it again by itself, so its retry waits
   * for the person, even for a read.
   */
  givenUp: boolean;
  /** The provider's handlers merged with the view's own. */
  handlers: ApiErrorHandlers;
}

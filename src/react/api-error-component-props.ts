import type { ApiError, ErrorDescription } from '../core/index.js';
import type { ApiErrorHandlers } from './handlers.js';

/** What every per-key error component receives (also your own, through `components`). */
export interface ApiErrorComponentProps {
  error: ApiError;
  /** What the catalog says about it. */
  description: ErrorDescription;
  /** `page` replaces the screen and takes focus; `inline` sits by the action that failed. */
  variant: 'page' | 'inline';
  /** Whether the failed request was a write (a submission, a verification). */
  write: boolean;
  /** The provider's handlers merged with the view's own. */
  handlers: ApiErrorHandlers;
}

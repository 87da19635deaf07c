import type { ErrorKey, RecoveryAction } from '../core/index.js';

/** Texts for one error: a headline and a description written for the person at the screen. */
export interface ErrorText {
  title: string;
  description: string;
}

/** Texts of the screens around the error itself. Variables: `{{seconds}}`, `{{number}}`. */
export interface UiText {
  /** Summary of the collapsible technical details. */
  details: string;
  code: string;
  errorCode: string;
  status: string;
  serverMessage: string;
  detail: string;
  endpoint: string;
  reference: string;
  copy: string;
  copied: string;
  /** The number of an error the catalog does not know yet, e.g. "Error {{number}}". */
  errorNumber: string;
  /** A 429 countdown for a read that will retry by itself. */
  retryingIn: string;
  /** A 429 countdown for a write that waits for the person. */
  retryIn: string;
  /** Announced once when a 429 wait starts. */
  waitStarted: string;
  /** Announced once when a 429 wait ends. */
  waitEnded: string;
  retrying: string;
  /** Shown with a failed write whose first attempt may have been stored. */
  writeMayHaveArrived: string;
}

/** One language of the `caoliao-api-errors` namespace. */
export interface ApiErrorsResource {
  errors: Record<ErrorKey, ErrorText>;
  actions: Record<RecoveryAction, string>;
  ui: UiText;
}

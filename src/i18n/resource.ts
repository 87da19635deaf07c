import type { ErrorKey, RecoveryAction } from '../core/index.js';

/**
 * Who reads the texts: `public`, a visitor who scanned a QR code and fills in a form (the default:
 * no API vocabulary), or `staff`, who verify certificates or run the page and can fix its set-up.
 */
export type ApiErrorsAudience = 'public' | 'staff';

/**
 * A text may have variants, tried most specific first: `_idempotent`, `_write_staff`, `_staff`,
 * `_write`, then the text itself. `_write` is for a failed submission or verification, `_staff`
 * for the staff, `_idempotent` for a visitor's submission that may have been stored but whose
 * resend cannot store it twice (the proxy remembers its idempotency key). The staff's variants are
 * only in a language's staff set (`zhStaff`), not in the visitor's (`zh`).
 */
export type TextVariant = 'write' | 'staff' | 'write_staff' | 'idempotent';

/** Texts for one error: a headline and a description written for the person at the screen. */
export type ErrorText = { title: string; description: string } & Partial<
  Record<`${'title' | 'description'}_${TextVariant}`, string>
>;

/** Actions every view can take without a handler of the host. */
export type BuiltInAction = 'reload-page' | 'go-home' | 'close-page' | 'copy-reference';

/** Every action a view can show. */
export type ActionId = RecoveryAction | BuiltInAction;

/**
 * Action labels. A label may be specific to a key (`choose-another_100326`: "Choose another target
 * status"), to a write whose first attempt may have been stored (`retry_ambiguous`, and
 * `retry_ambiguous_staff`), to such a write whose resend cannot store twice (`retry_idempotent`),
 * or have the variants of `TextVariant`.
 */
export type ActionText = Record<ActionId, string> & { [variant: `${ActionId}_${string}`]: string };

/** The messages of field errors (100307–100309), beside each field and in the error summary. */
export interface FieldText {
  /** The error summary's headline; `{{count}}` fields. Plural forms as i18next names them. */
  summaryTitle_other: string;
  summaryTitle_one?: string;
  /**
   * Read before a field's message by screen readers ("Error: "), and put before the page's title
   * while the error summary shows.
   */
  prefix: string;
  /** `{{label}}`: a required field left empty (100308). */
  required: string;
  /** `{{label}}`: a value that is not valid (100309). */
  invalid: string;
  /** `{{label}}`: a value already used by another record (100307). */
  duplicate: string;
  /** `{{label}}`, `{{value}}`: the same, quoting the value. */
  duplicateValue: string;
}

/**
 * Texts of the screens around the error itself. Variables: `{{seconds}}`, `{{number}}`,
 * `{{label}}`, `{{value}}`. Wait texts have the variants of `TextVariant`.
 */
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
  /** A label and its value on one line, with the language's own colon: "问题编号：…". */
  labelled: string;
  copy: string;
  copied: string;
  /** No clipboard: the reference is selected for the person to copy by hand. */
  copyByHand: string;
  /** The number of an error the catalog does not know yet, e.g. "Error {{number}}". */
  errorNumber: string;
  /** A wait after which the request is sent again by itself. */
  waitAuto: string;
  waitAuto_write: string;
  waitAuto_write_staff?: string;
  /** The wait is over and the request is on its way. */
  sending: string;
  sending_write: string;
  sending_write_staff?: string;
  /** A wait after which the person may send it again. */
  waitManual: string;
  waitManual_write: string;
  waitManual_staff?: string;
  /** The wait is over; the person may send it again. */
  waitOver: string;
  waitOver_write: string;
  waitOver_staff?: string;
  /** What is left to do when a form is closed, full or paused and nothing else is: close the page. */
  canClose: string;
  /** Shows the form an error replaced, read-only. */
  showValues: string;
  hideValues: string;
  /**
   * A resend of a submission that may have been stored is on its way, and the proxy is finding
   * out whether the first one was: "Checking whether your last submission was saved…".
   */
  confirmingResend: string;
  /** The question of `DraftResumePrompt`: a submission that did not succeed was kept on this device. */
  draftQuestion: string;
  /** When the draft was kept: under a minute ago. */
  draftSavedJustNow: string;
  /** `{{count}}` minutes, hours or days ago. Plural forms as i18next names them. */
  draftSavedMinutesAgo_other: string;
  draftSavedMinutesAgo_one?: string;
  draftSavedHoursAgo_other: string;
  draftSavedHoursAgo_one?: string;
  draftSavedDaysAgo_other: string;
  draftSavedDaysAgo_one?: string;
  /** Sends the kept submission again. */
  resumeDraft: string;
  /** Forgets the kept submission. */
  discardDraft: string;
  /** `PendingSubmission`: a submission tapped with no connection, kept, sent when it returns. */
  offlineWaiting: string;
  /** `PendingSubmission`: the kept submission is on its way. */
  offlineSending: string;
  /** `PendingSubmission`'s action: sends the kept submission now. */
  sendNow: string;
  /** `SubmissionResult`'s headline: the submission was stored. */
  submitted: string;
  /** `SubmissionResult`: what the person may rely on now (received, nothing to send again). */
  submittedBody: string;
  /** `SubmissionResult`'s action, with the host's `onFillAnother`: an empty form for another submission. */
  fillAnother: string;
  /** `ApiQueryArea` and `LoadingPlaceholder`: a read on its way, said politely. */
  loading: string;
  /** `CertificateVerified` (the staff's texts): the headline of a verification that took effect. */
  verified_staff?: string;
  /** `CertificateVerified`: the labels of the certificate's code, its status now, and its record. */
  verifiedCode_staff?: string;
  verifiedStatus_staff?: string;
  verifiedRecord_staff?: string;
  /** `CertificateVerified`'s leading action: on to the next certificate. */
  verifyNext_staff?: string;
}

/** One language of the `caoliao-api-errors` namespace. */
export interface ApiErrorsResource {
  errors: Record<ErrorKey, ErrorText>;
  actions: ActionText;
  fields: FieldText;
  ui: UiText;
}

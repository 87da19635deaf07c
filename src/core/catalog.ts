/**
 * The error catalog: every code the 草料 OpenAPI V2 documents, and every failure that has no code,
 * as data that each layer (descriptions, translations, components, retry policy) reads.
 *
 * Adding a code is one entry here plus its two translations. What the server says for each code
 * (its English `message`) is the server's business: the simulator keeps it, in `API_MESSAGES`.
 */

/** What kind of trouble an error is; presentation groups headlines and icons by it. */
export type ErrorCategory =
  | 'success'
  | 'invalid-request'
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'rate-limit'
  | 'unavailable'
  | 'server'
  | 'form-link'
  | 'validation'
  | 'expired'
  | 'submission-limit'
  | 'submission-closed'
  | 'code-category'
  | 'certificate'
  | 'identity'
  | 'cancelled'
  | 'unknown';

/**
 * Where an error is shown by default: `page` replaces the screen (a boundary fallback), `inline`
 * sits beside the action that failed, `field` marks form fields.
 */
export type ErrorScope = 'page' | 'inline' | 'field';

/**
 * When a request that failed this way may be sent again:
 * - `never`: the same request will fail the same way;
 * - `after-delay`: after the server's `Retry-After` (or our own back-off);
 * - `auto-for-reads`: reads retry by themselves with back-off; writes only when the person asks,
 *   because the first attempt may have been stored;
 * - `after-user-action`: once the person has done something (pressed retry, completed a profile).
 */
export type RetryRule = 'never' | 'after-delay' | 'auto-for-reads' | 'after-user-action';

/** The recovery actions a screen can offer; each maps to a handler of the host. */
export type RecoveryAction =
  | 'retry'
  | 'reauthenticate'
  | 'contact-support'
  | 'contact-admin'
  | 'request-permission'
  | 'go-back'
  | 'rescan'
  | 'fix-fields'
  | 'reload'
  | 'choose-another'
  | 'enter-certificate-code'
  | 'enter-auth-code'
  | 'complete-identity';

/**
 * How an error looks at a glance (its icon and colour):
 * - `error`: refused, broken or over — this way does not go on;
 * - `warning`: refused, and the reason is worth stopping for (a certificate used before: a ticket
 *   shown twice must never look valid at a glance);
 * - `neutral`: a normal state of a form, not a failure (closed, full, paused, read-only): nothing
 *   broke, so there is no problem to report and no reference to copy;
 * - `fix`: something the person can change (a field, a code, a choice);
 * - `wait`: it will work later, by itself or after a wait;
 * - `done`: success.
 */
export type ErrorTone = 'error' | 'warning' | 'neutral' | 'fix' | 'wait' | 'done';

/** One catalog entry. */
export interface CatalogEntry {
  readonly category: ErrorCategory;
  readonly scope: ErrorScope;
  readonly retry: RetryRule;
  /** Recovery actions, the most useful first. */
  readonly actions: readonly RecoveryAction[];
  readonly tone: ErrorTone;
}

const entry = (
  category: ErrorCategory,
  scope: ErrorScope,
  retry: RetryRule,
  tone: ErrorTone,
  actions: readonly RecoveryAction[] = [],
): CatalogEntry => ({ category, scope, retry, tone, actions });

/** Top-level `code`s of the envelope (they match the HTTP status of an error answer). */
export const API_CODES = {
  0: entry('success', 'inline', 'never', 'done'),
  400: entry('invalid-request', 'inline', 'never', 'error', ['contact-admin']),
  401: entry('auth', 'page', 'never', 'error', ['reauthenticate', 'contact-admin']),
  403: entry('permission', 'page', 'never', 'neutral', ['request-permission', 'contact-admin']),
  404: entry('not-found', 'page', 'never', 'error', ['go-back']),
  429: entry('rate-limit', 'inline', 'after-delay', 'wait', ['retry']),
  502: entry('unavailable', 'page', 'auto-for-reads', 'wait', ['retry']),
} as const satisfies Record<number, CatalogEntry>;

/** Module `error_code`s (100300–100329), passed through from the upstream module. */
export const MODULE_ERROR_CODES = {
  100300: entry('server', 'page', 'after-user-action', 'error', ['retry', 'contact-support']),
  100301: entry('invalid-request', 'inline', 'never', 'error', ['contact-admin']),
  100302: entry('invalid-request', 'inline', 'never', 'error', ['contact-admin']),
  100303: entry('not-found', 'page', 'never', 'error', ['go-back']),
  100304: entry('not-found', 'page', 'never', 'error', ['go-back']),
  100305: entry('invalid-request', 'inline', 'never', 'error', ['contact-admin']),
  100306: entry('form-link', 'page', 'never', 'error', ['rescan', 'go-back']),
  100307: entry('validation', 'field', 'never', 'fix', ['fix-fields']),
  100308: entry('validation', 'field', 'never', 'fix', ['fix-fields']),
  100309: entry('validation', 'field', 'never', 'fix', ['fix-fields']),
  100310: entry('expired', 'inline', 'never', 'fix', ['reload']),
  100311: entry('submission-limit', 'page', 'never', 'neutral', ['go-back', 'contact-admin']),
  100312: entry('submission-limit', 'page', 'never', 'neutral', ['go-back']),
  100313: entry('submission-closed', 'page', 'never', 'neutral', ['go-back']),
  100314: entry('submission-closed', 'page', 'never', 'neutral', ['contact-admin']),
  100315: entry('auth', 'page', 'never', 'error', ['reauthenticate', 'contact-admin']),
  100316: entry('auth', 'page', 'never', 'error', ['reauthenticate', 'contact-admin']),
  100317: entry('code-category', 'inline', 'never', 'fix', ['choose-another']),
  100318: entry('code-category', 'inline', 'never', 'fix', ['choose-another']),
  100319: entry('certificate', 'inline', 'after-user-action', 'error', ['retry', 'contact-admin']),
  100320: entry('certificate', 'inline', 'never', 'fix', ['enter-certificate-code']),
  100321: entry('certificate', 'page', 'never', 'error', ['enter-certificate-code', 'contact-admin']),
  100322: entry('certificate', 'inline', 'never', 'wait', ['enter-certificate-code']),
  100323: entry('certificate', 'inline', 'never', 'fix', ['enter-certificate-code']),
  100324: entry('certificate', 'inline', 'never', 'warning', ['enter-certificate-code']),
  100325: entry('certificate', 'inline', 'never', 'fix', ['choose-another']),
  100326: entry('certificate', 'inline', 'never', 'fix', ['choose-another']),
  100327: entry('certificate', 'inline', 'never', 'fix', ['enter-auth-code']),
  100328: entry('permission', 'page', 'never', 'error', ['request-permission', 'contact-admin']),
  100329: entry('identity', 'inline', 'after-user-action', 'fix', ['complete-identity']),
} as const satisfies Record<number, CatalogEntry>;

/**
 * Failures that carry no usable code. `http` is a non-2xx answer whose status is not a documented
 * code; `unknown` also stands for codes and error_codes the catalog does not know yet.
 */
export const FAILURE_KINDS = {
  network: entry('unavailable', 'page', 'auto-for-reads', 'wait', ['retry']),
  timeout: entry('unavailable', 'page', 'auto-for-reads', 'wait', ['retry']),
  aborted: entry('cancelled', 'inline', 'after-user-action', 'fix', ['retry']),
  'invalid-response': entry('server', 'inline', 'after-user-action', 'error', ['retry', 'contact-support']),
  http: entry('server', 'inline', 'after-user-action', 'error', ['retry', 'contact-support']),
  unknown: entry('unknown', 'inline', 'after-user-action', 'error', ['retry', 'contact-support']),
} as const satisfies Record<string, CatalogEntry>;

/** A documented top-level `code`. */
export type ApiCode = keyof typeof API_CODES;
/** A documented module `error_code`. */
export type ModuleErrorCode = keyof typeof MODULE_ERROR_CODES;
/** A failure without a documented code. */
export type FailureKey = keyof typeof FAILURE_KINDS;
/** Every catalog key: `"429"`, `"100329"`, `"network"` … — also the translation keys. */
export type ErrorKey = `${ApiCode}` | `${ModuleErrorCode}` | FailureKey;

/**
 * The failures after which a write may still have been stored: the request left, and no clear
 * refusal came back (the gateway's 502, a lost connection, a timeout, an answer that can't be read).
 */
export const MAY_HAVE_BEEN_STORED: readonly ErrorKey[] = [
  '502',
  'network',
  'timeout',
  'http',
  'invalid-response',
];

/** Every catalog key with its entry, for layers that must cover them all (translations, stories). */
export const ERROR_CATALOG: Readonly<Record<ErrorKey, CatalogEntry>> = {
  ...API_CODES,
  ...MODULE_ERROR_CODES,
  ...FAILURE_KINDS,
};

/** Every catalog key, top-level codes first, then error_codes, then failure kinds. */
export const ERROR_KEYS: readonly ErrorKey[] = Object.keys(ERROR_CATALOG) as ErrorKey[];

export const isApiCode = (value: unknown): value is ApiCode =>
  typeof value === 'number' && Object.hasOwn(API_CODES, value);

export const isModuleErrorCode = (value: unknown): value is ModuleErrorCode =>
  typeof value === 'number' && Object.hasOwn(MODULE_ERROR_CODES, value);

import type { ApiError } from './api-error.js';
import {
  type CatalogEntry,
  ERROR_CATALOG,
  type ErrorCategory,
  type ErrorKey,
  type ErrorScope,
  type ErrorTone,
  FAILURE_KINDS,
  type FailureKey,
  isApiCode,
  isModuleErrorCode,
  MAY_HAVE_BEEN_STORED,
  type RecoveryAction,
  type RetryRule,
} from './catalog.js';
import { toApiError } from './to-api-error.js';

/** What the catalog says about one error. */
export interface ErrorDescription {
  /** The catalog key, also the translation key: `"100329"`, `"429"`, `"network"`, `"unknown"` … */
  key: ErrorKey;
  category: ErrorCategory;
  scope: ErrorScope;
  retry: RetryRule;
  actions: readonly RecoveryAction[];
  tone: ErrorTone;
  /**
   * The most specific number the API gave (error_code, else code), to show for support — also
   * when the key is a generic fallback because the catalog does not know that number yet.
   */
  number?: number;
}

// Code 0 means success: it never describes an error, whatever a hand-made ApiError says.
const isErrorCode = (value: number | undefined) => value !== 0 && isApiCode(value);

function keyOf(error: ApiError): ErrorKey {
  if (isModuleErrorCode(error.errorCode)) return `${error.errorCode}`;
  if (isErrorCode(error.code)) return `${error.code}` as ErrorKey;
  if (isErrorCode(error.status)) return `${error.status}` as ErrorKey;
  // Own keys only: a kind such as 'constructor' from plain JavaScript must not reach Object.prototype.
  return Object.hasOwn(FAILURE_KINDS, error.kind) ? (error.kind as FailureKey) : 'unknown';
}

/**
 * Looks an error up in the catalog, by this precedence: the `error_code` when present and known,
 * else the top-level `code`, else the HTTP status, else the failure kind. Unknown numbers fall back
 * to a generic entry (`unknown`, or `http` for an unexpected status) that still carries the number.
 * Anything that is not an `ApiError` is first read with `toApiError`.
 *
 * @example
 * describeError(new ApiError({ kind: 'api', code: 400, errorCode: 100329 }))
 * // { key: '100329', category: 'identity', scope: 'inline', retry: 'after-user-action',
 * //   actions: ['complete-identity'], tone: 'fix', number: 100329 }
 */
export function describeError(error: unknown): ErrorDescription {
  const apiError = toApiError(error);
  const key = keyOf(apiError);
  const { category, scope, retry, actions, tone }: CatalogEntry = ERROR_CATALOG[key];
  const number = apiError.errorCode ?? apiError.code;
  return { key, category, scope, retry, actions, tone, ...(number === undefined ? {} : { number }) };
}

/**
 * Whether a write that failed with `error` may still have been stored — the gateway's 502, a lost
 * connection, a timeout, an answer that can't be read — so that sending it again might store it
 * twice. A refusal the API made (any error_code, 400, 401, 429 …) stored nothing.
 * @example if (mayHaveBeenStored(error)) showCheckBeforeResending();
 */
export function mayHaveBeenStored(error: unknown): boolean {
  return MAY_HAVE_BEEN_STORED.includes(describeError(error).key);
}

/**
 * Whether an error ends a write's flow: the same submission can never succeed (the form is closed
 * or full, the code paused, the key refused …), so the form gives way to the outcome.
 * @example if (endsFlow(describeError(error))) showOutcomeInsteadOfTheForm();
 */
export const endsFlow = ({ retry, scope }: ErrorDescription): boolean =>
  retry === 'never' && scope === 'page';

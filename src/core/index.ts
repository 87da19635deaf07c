export {
  ApiError,
  type ApiErrorInit,
  type ApiErrorJSON,
  type ApiErrorKind,
  isApiError,
} from './api-error.js';
export {
  API_CODES,
  type ApiCode,
  type CatalogEntry,
  ERROR_CATALOG,
  ERROR_KEYS,
  type ErrorCategory,
  type ErrorKey,
  type ErrorScope,
  type ErrorTone,
  FAILURE_KINDS,
  type FailureKey,
  isApiCode,
  isModuleErrorCode,
  MAY_HAVE_BEEN_STORED,
  MODULE_ERROR_CODES,
  type ModuleErrorCode,
  type RecoveryAction,
  type RetryRule,
} from './catalog.js';
export {
  describeError,
  type ErrorDescription,
  endsFlow,
  mayHaveBeenStored,
} from './describe-error.js';
export { getErrorReference } from './error-reference.js';
export { gotNoAnswer } from './got-no-answer.js';
export { type ReadApiResponseOptions, readApiResponse } from './read-api-response.js';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after.js';
export {
  apiRetry,
  apiRetryDelay,
  apiWriteRetry,
  MAX_RATE_LIMIT_RETRIES,
  MAX_UNAVAILABLE_RETRIES,
} from './retry-policy.js';
export { getRetryAt } from './retry-schedule.js';
export { toApiError } from './to-api-error.js';

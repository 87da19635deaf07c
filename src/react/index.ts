export { ApiClientProvider, type ApiClientProviderProps, useApiClient } from './api-client-provider.js';
export { ApiErrorArea, type ApiErrorAreaProps } from './api-error-area.js';
export {
  ApiErrorBoundary,
  type ApiErrorBoundaryProps,
  type FallbackProps,
  type ResetDetails,
} from './api-error-boundary.js';
export type { ApiErrorComponentProps } from './api-error-component-props.js';
export { ApiErrorSummary, type ApiErrorSummaryProps } from './api-error-summary.js';
export { ApiErrorView, type ApiErrorViewProps } from './api-error-view.js';
export { ApiErrorsProvider, type ApiErrorsProviderProps } from './api-errors-provider.js';
export { ApiFieldError, type ApiFieldErrorProps } from './api-field-error.js';
export { type ApiWriteOptions, apiMutations } from './api-mutation-options.js';
export {
  type ApiMutationOptions,
  useAddRecord,
  useVerifyCertificate,
} from './api-mutations.js';
export {
  type ApiQueryOptions,
  type ApiRecordsOptions,
  throwPageErrors,
  useFormList,
  useFormTemplate,
  useQrcodeContent,
  useQrcodeOperations,
  useRecord,
  useRecords,
} from './api-queries.js';
export { apiQueryKeys } from './api-query-keys.js';
export { type ApiRecordsQueryOptions, apiQueries } from './api-query-options.js';
export { type ApiQueryClientOptions, createApiQueryClient } from './create-api-query-client.js';
export { ErrorIcon } from './error-icon.js';
export { ErrorPanel, type ErrorPanelProps } from './error-panel.js';
export type { ApiMutationState, ApiQueryState, ErrorSource } from './error-source.js';
export type { ApiErrorHandlers } from './handlers.js';
export { IdentityPromptView } from './identity-prompt.js';
export { RateLimitView } from './rate-limit-view.js';
export { RetryCountdown, type RetryCountdownProps } from './retry-countdown.js';
export { type UseApiErrorBoundary, useApiErrorBoundary } from './use-api-error-boundary.js';
export {
  type ApiErrorDetails,
  type ApiErrorText,
  type ApiErrorTextOptions,
  useApiErrorText,
} from './use-api-error-text.js';
export {
  type FieldErrorItem,
  type FieldErrorReason,
  type FieldErrors,
  type FieldErrorsOptions,
  type FormField,
  type SubmittedValues,
  useFieldErrors,
} from './use-field-errors.js';

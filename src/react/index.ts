export { ApiClientProvider, type ApiClientProviderProps, useApiClient } from './api-client-provider.js';
export {
  ApiErrorBoundary,
  type ApiErrorBoundaryProps,
  type FallbackProps,
  type ResetDetails,
} from './api-error-boundary.js';
export type { ApiErrorComponentProps } from './api-error-component-props.js';
export { API_ERROR_COMPONENTS, ApiErrorView, type ApiErrorViewProps } from './api-error-view.js';
export { ApiErrorsProvider, type ApiErrorsProviderProps } from './api-errors-provider.js';
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
export { type ApiQueryClientOptions, createApiQueryClient } from './create-api-query-client.js';
export { ErrorPanel, type ErrorPanelProps } from './error-panel.js';
export { getErrorReference } from './error-reference.js';
export type { ApiErrorHandlers } from './handlers.js';
export { IdentityPromptView } from './identity-prompt.js';
export { RateLimitCountdown, type RateLimitCountdownProps, RateLimitView } from './rate-limit-countdown.js';
export { type UseApiErrorBoundary, useApiErrorBoundary } from './use-api-error-boundary.js';
export { type ApiErrorDetails, type ApiErrorText, useApiErrorText } from './use-api-error-text.js';
export { type FieldErrors, type FieldErrorsOptions, useFieldErrors } from './use-field-errors.js';

export {
  ApiErrorBoundary,
  type ApiErrorBoundaryProps,
  type FallbackProps,
  type ResetDetails,
} from './boundary/api-error-boundary.js';
export { type ApiErrorBoundaryControls, useApiErrorBoundary } from './boundary/use-api-error-boundary.js';
export type { DraftField, SensitiveFields } from './drafts/draft-fields.js';
export type { DraftStorageKind } from './drafts/draft-storage.js';
export type { SubmissionDraft } from './drafts/submission-draft.js';
export {
  type AddRecordMutation,
  type SendWhenOnlineControls,
  useSendWhenOnline,
} from './drafts/use-send-when-online.js';
export {
  type SubmissionDraftControls,
  type SubmissionDraftOptions,
  useSubmissionDraft,
} from './drafts/use-submission-draft.js';
export { ApiErrorsProvider, type ApiErrorsProviderProps } from './provider/api-errors-provider.js';
export type { ApiErrorHandlers } from './provider/handlers.js';
export {
  type ApiErrorDetails,
  type ApiErrorText,
  type ApiErrorTextOptions,
  useApiErrorText,
} from './provider/use-api-error-text.js';
export { ApiClientProvider, type ApiClientProviderProps, useApiClient } from './query/api-client-provider.js';
export { type ApiWriteOptions, apiMutations } from './query/api-mutation-options.js';
export {
  type ApiMutationOptions,
  useAddRecord,
  useVerifyCertificate,
} from './query/api-mutations.js';
export {
  type ApiQueryOptions,
  type ApiRecordPagesOptions,
  throwPageErrors,
  useFormList,
  useFormTemplate,
  useQrcodeContent,
  useQrcodeOperations,
  useRecord,
  useRecordPages,
} from './query/api-queries.js';
export { apiQueryKeys } from './query/api-query-keys.js';
export { apiQueries } from './query/api-query-options.js';
export { type ApiQueryClientOptions, createApiQueryClient } from './query/create-api-query-client.js';
export { idempotencyKeyFor, rememberIdempotencyKey } from './query/idempotency-keys.js';
export { ApiErrorArea, type ApiErrorAreaProps } from './views/api-error-area.js';
export type { ApiErrorComponentProps } from './views/api-error-component-props.js';
export { ApiErrorSummary, type ApiErrorSummaryProps } from './views/api-error-summary.js';
export { ApiErrorView, type ApiErrorViewProps } from './views/api-error-view.js';
export { ApiFieldError, type ApiFieldErrorProps } from './views/api-field-error.js';
export { ApiQueryArea, type ApiQueryAreaProps } from './views/api-query-area.js';
export {
  CertificateVerified,
  type CertificateVerifiedProps,
  type VerificationMutation,
} from './views/certificate-verified.js';
export { DraftResumePrompt, type DraftResumePromptProps } from './views/draft-resume-prompt.js';
export { ErrorIcon } from './views/error-icon.js';
export { ErrorPanel, type ErrorPanelProps } from './views/error-panel.js';
export type { ApiMutationState, ApiQueryState, ErrorSource } from './views/error-source.js';
export { IdentityPromptView } from './views/identity-prompt.js';
export { LoadingPlaceholder, type LoadingPlaceholderProps } from './views/loading-placeholder.js';
export { PendingSubmission, type PendingSubmissionProps } from './views/pending-submission.js';
export { RateLimitView } from './views/rate-limit-view.js';
export { RetryCountdown, type RetryCountdownProps } from './views/retry-countdown.js';
export {
  SubmissionArea,
  type SubmissionAreaProps,
  type SubmissionMutation,
} from './views/submission-area.js';
export { SubmissionResult, type SubmissionResultProps } from './views/submission-result.js';
export {
  type FieldErrorItem,
  type FieldErrorReason,
  type FieldErrors,
  type FieldErrorsOptions,
  type FormField,
  type SubmittedValues,
  useFieldErrors,
} from './views/use-field-errors.js';
export { type SubmitButtonState, useSubmitButton } from './views/use-submit-button.js';

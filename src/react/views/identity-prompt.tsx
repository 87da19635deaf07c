import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ErrorPanel } from './error-panel.js';

/**
 * The 100329 view: opens the host's identity flow (`onCompleteIdentity`) and, once it completes,
 * sends the verification again — exactly once. Resolving `false` means the person cancelled.
 */
export function IdentityPromptView(props: ApiErrorComponentProps) {
  const { onCompleteIdentity, onRetry } = props.handlers;
  const handlers = onCompleteIdentity && {
    ...props.handlers,
    onCompleteIdentity: async () => {
      if ((await onCompleteIdentity(props.error)) !== false) await onRetry?.(props.error);
    },
  };
  return <ErrorPanel {...props} handlers={handlers ?? props.handlers} />;
}

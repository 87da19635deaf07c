import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ErrorPanel } from './error-panel.js';
import { RetryCountdown } from './retry-countdown.js';

/**
 * The 429 view: the shared panel with the countdown in place of a plain retry button. A read with
 * `onRetry` is sent again when the wait ends; a write, or a request React Query gave up on, waits
 * for the person.
 */
export function RateLimitView(props: ApiErrorComponentProps) {
  if (props.retrying) return <ErrorPanel {...props} />;
  return (
    <ErrorPanel {...props} omitActions={props.handlers.onRetry ? ['retry'] : []}>
      <RetryCountdown
        error={props.error}
        onRetry={props.handlers.onRetry}
        automatic={!props.write && !props.givenUp && props.handlers.onRetry !== undefined}
        write={props.write}
        audience={props.audience}
      />
    </ErrorPanel>
  );
}

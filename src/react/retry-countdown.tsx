import { useEffect, useRef, useState } from 'react';
import { type ApiError, MAX_RETRY_AFTER_MS } from '../core/index.js';
import { ActionButton } from './action-button.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ErrorPanel } from './error-panel.js';
import { useApiErrorsT } from './use-api-errors-t.js';

/** Our own wait when a 429 has no `Retry-After`: 5–10 s, jittered so clients don't return together. */
const fallbackWaitMs = () => 5000 + Math.random() * 5000;

export interface RateLimitCountdownProps {
  error: ApiError;
  /**
   * Called once when the wait ends for a read (leave it out when React Query retries the request
   * itself); for a write, when the person presses the button.
   */
  onRetry?: (error: ApiError) => unknown;
  /** A write waits for the person: the button is enabled when the wait ends. */
  write?: boolean;
}

/**
 * Counts down the server's `Retry-After` (or our own back-off). It is announced once when the wait
 * starts and once when it ends, never every second, and it alone re-renders, once a second.
 * @example <RateLimitCountdown error={error} onRetry={() => refetch()} />
 */
export function RateLimitCountdown({ error, onRetry, write = false }: RateLimitCountdownProps) {
  const t = useApiErrorsT();
  const [deadline] = useState(() => {
    const { retryAfterMs } = error;
    const valid = typeof retryAfterMs === 'number' && retryAfterMs >= 0 && retryAfterMs <= MAX_RETRY_AFTER_MS;
    return Date.now() + (valid ? retryAfterMs : fallbackWaitMs());
  });
  const [seconds, setSeconds] = useState(() => Math.ceil((deadline - Date.now()) / 1000));
  const [announcement, setAnnouncement] = useState('');
  const retried = useRef(false);
  // A read is sent again when the wait ends — by `onRetry`, or by the query's own retry policy
  // (`apiRetry`) when there is none. A write waits for the person.
  const retriesItself = !write;
  const waiting = seconds > 0;

  // Filled after mount, not rendered with it: a live region announces changes, not its first content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: announced once, in the language of that moment.
  useEffect(() => setAnnouncement(t('ui.waitStarted', { seconds })), []);

  useEffect(() => {
    if (waiting) {
      // Wakes when the shown number changes, not on a fixed interval that drifts.
      const timer = setTimeout(
        () => setSeconds(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))),
        deadline - Date.now() - (seconds - 1) * 1000,
      );
      return () => clearTimeout(timer);
    }
    setAnnouncement(t(retriesItself ? 'ui.retrying' : 'ui.waitEnded'));
    if (retriesItself && !retried.current) {
      retried.current = true;
      onRetry?.(error);
    }
  }, [waiting, seconds, deadline, retriesItself, onRetry, error, t]);

  let time = t(retriesItself ? 'ui.retryingIn' : 'ui.retryIn', { seconds });
  if (!waiting) time = retriesItself ? t('ui.retrying') : '';
  return (
    <div className="cae-countdown">
      {/* role="timer" is silent by design: the seconds are for the eyes. */}
      <p role="timer" className="cae-countdown__time">
        {time}
      </p>
      <p className="cae-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {!retriesItself && onRetry && (
        <ActionButton primary disabled={waiting} onAction={() => onRetry(error)}>
          {t('actions.retry')}
        </ActionButton>
      )}
    </div>
  );
}

/** The 429 view: the shared panel with the countdown in place of a plain retry button. */
export function RateLimitView(props: ApiErrorComponentProps) {
  return (
    <ErrorPanel {...props} omitActions={['retry']}>
      <RateLimitCountdown error={props.error} onRetry={props.handlers.onRetry} write={props.write} />
    </ErrorPanel>
  );
}

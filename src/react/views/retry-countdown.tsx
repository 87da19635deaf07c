import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import { textKeys } from '../provider/text-keys.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import { deadlineOf, useSecondsLeft } from './retry-deadline.js';

// The live regions that read their content out as it appears.
const LIVE_REGION =
  '[role="alert"], [role="status"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';

export interface RetryCountdownProps {
  error: ApiError;
  /**
   * When the request will be sent again (Unix milliseconds). Default: `getRetryAt(error)` — when
   * the client's gate opens, or the retry `apiRetryDelay` scheduled, the moment React Query really
   * sends it — else its `Retry-After` (or 5–10 s of our own for a 429), counted from the first
   * view of this error.
   */
  retryAt?: number;
  /**
   * Sends the request again: once when the wait ends if `automatic`, else from the button that the
   * end of the wait enables.
   * @example onRetry={() => query.refetch()}
   */
  onRetry?: (error: ApiError) => unknown;
  /**
   * The request is sent again by itself when the wait ends: by `onRetry`, or by React Query's own
   * retry when there is none. Default: a read with `onRetry`.
   */
  automatic?: boolean;
  /** A write (a submission, a verification): the texts say "submit". */
  write?: boolean;
  /** Who reads it; default `public`. */
  audience?: ApiErrorsAudience;
}

/**
 * Counts down to the moment the request is sent again, from the same source that sends it, with a
 * draining bar. It is announced once when the wait starts (by the live region it appears in, else
 * by its own) and once when it ends, never every second, and it alone re-renders, once a second.
 * @example <RetryCountdown error={error} onRetry={() => refetch()} />
 */
export function RetryCountdown({
  error,
  retryAt,
  onRetry,
  write = false,
  automatic = !write && onRetry !== undefined,
  audience = 'public',
}: RetryCountdownProps) {
  const t = useApiErrorsT();
  const [deadline] = useState(() => deadlineOf(error, retryAt));
  const seconds = useSecondsLeft(deadline);
  const [announcement, setAnnouncement] = useState('');
  // The bar is drawn after mount: its length depends on the clock, which the server's render can't share.
  const [drainMs, setDrainMs] = useState<number>();
  const retried = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const waiting = seconds > 0;
  const situation = { write, audience };
  const line = (name: string) => t(textKeys(`ui.${name}`, situation), { seconds });
  const waitLine = line(automatic ? 'waitAuto' : 'waitManual');
  const endLine = line(automatic ? 'sending' : 'waitOver');

  // Filled after mount, not rendered with it: a live region announces changes, not its first content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: announced once, in the language of that moment.
  useEffect(() => {
    if (waiting) {
      // Inside an error's live region the wait is read with the error: a copy would read it twice.
      if (!root.current?.parentElement?.closest(LIVE_REGION)) setAnnouncement(waitLine);
      if (deadline !== undefined) setDrainMs(deadline - Date.now());
    }
  }, []);

  useEffect(() => {
    if (waiting) return;
    setAnnouncement(endLine);
    if (automatic && onRetry && !retried.current) {
      retried.current = true;
      onRetry(error);
    }
  }, [waiting, automatic, onRetry, error, endLine]);

  return (
    <div ref={root} className="cae-countdown">
      {/* role="timer" is silent by design: the seconds are for the eyes. */}
      <p role="timer" className="cae-countdown__time">
        {waiting ? waitLine : endLine}
      </p>
      {waiting && drainMs !== undefined && (
        <span className="cae-countdown__track" aria-hidden="true">
          <span className="cae-countdown__bar" style={{ animationDuration: `${drainMs}ms` }} />
        </span>
      )}
      <p className="cae-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {!automatic && onRetry && (
        <ActionButton primary disabled={waiting} onAction={() => onRetry(error)}>
          {t(textKeys('actions.retry', situation))}
        </ActionButton>
      )}
    </div>
  );
}

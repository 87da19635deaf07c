import { useEffect, useId, useState } from 'react';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import { useDraftSavedAgo } from './draft-saved-ago.js';
import { OutlineIcon } from './error-icon.js';

export interface PendingSubmissionProps {
  /**
   * When the submission was kept on this device (Unix milliseconds), shown relative to now.
   * @example savedAt={offline.waiting.savedAt}
   */
  savedAt: number;
  /**
   * Whether it is on its way now: the text says so and "send now" waits.
   * @example sending={offline.sending}
   */
  sending?: boolean;
  /**
   * Sends it now; while its promise is pending, the button ignores further clicks.
   * @example onSendNow={offline.sendNow}
   */
  onSendNow(): unknown;
  /** Added to the region's `cae-draft` class. */
  className?: string;
}

/**
 * Says that a submission tapped with no connection is kept and will be sent when the connection
 * returns ("没有网络，连接恢复后会自动提交"), when it was kept, and offers "立即提交". A polite live
 * region: it appears after the tap that failed, and focus stays on the form. Use it with
 * `useSendWhenOnline`, in place of the network error's view.
 * @example
 * {offline.waiting ? (
 *   <PendingSubmission savedAt={offline.waiting.savedAt} sending={offline.sending} onSendNow={offline.sendNow} />
 * ) : (
 *   <ApiErrorView mutation={submit} />
 * )}
 */
export function PendingSubmission({
  savedAt,
  sending = false,
  onSendNow,
  className,
}: PendingSubmissionProps) {
  const t = useApiErrorsT();
  const textId = useId();
  const savedAgo = useDraftSavedAgo(savedAt);
  // Filled after mount, not rendered with it: a live region announces changes, not its first content.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <section
      className={className ? `cae-draft ${className}` : 'cae-draft'}
      aria-labelledby={textId}
      data-sending={sending || undefined}
    >
      {/* No signal: decorative, the text says it. */}
      <OutlineIcon
        className="cae-draft__icon"
        d="M2 2l20 20M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 4.7-2.6M12 20h.01M19 13a10 10 0 0 0-2.4-1.6M2 8.8a15 15 0 0 1 4.2-2.6M10.7 5.1A15 15 0 0 1 22 8.8"
      />
      <div>
        <p id={textId} className="cae-draft__question" role="status">
          {mounted && (sending ? t('ui.offlineSending') : t('ui.offlineWaiting'))}
        </p>
        {savedAgo && (
          <p className="cae-draft__time">
            <time dateTime={new Date(savedAt).toISOString()}>{savedAgo}</time>
          </p>
        )}
        <div className="cae-draft__actions">
          <ActionButton primary disabled={sending} onAction={onSendNow}>
            {t('ui.sendNow')}
          </ActionButton>
        </div>
      </div>
    </section>
  );
}

import { useId } from 'react';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import { useDraftSavedAgo } from './draft-saved-ago.js';
import { OutlineIcon } from './error-icon.js';

export interface DraftResumePromptProps {
  /**
   * When the submission was kept on this device (Unix milliseconds), shown relative to now
   * ("5 分钟前保存"); left out when it is not a valid time.
   * @example savedAt={draft.savedAt}
   */
  savedAt: number;
  /**
   * Sends the kept submission again, with its idempotency key; while its promise is pending, the
   * button ignores further clicks.
   * @example onResume={() => submit.mutateAsync(draft.values)}
   */
  onResume(): unknown;
  /**
   * Forgets the kept submission.
   * @example onDiscard={() => drafts.clear()}
   */
  onDiscard(): unknown;
  /** Added to the region's `cae-draft` class. */
  className?: string;
}

/**
 * Offers to resume a submission that did not succeed and was kept on this device: "您有一份尚未提交成功的
 * 表单，继续提交？", when it was kept, and two actions, "继续提交" (primary) and "放弃". A labelled
 * region that leaves focus where it is: it appears as the page loads, before anything was asked.
 * Render it only in the browser (the kept draft and the clock are there).
 * @example
 * {draft && (
 *   <DraftResumePrompt
 *     savedAt={draft.savedAt}
 *     onResume={() => submit.mutate(draft.values)}
 *     onDiscard={() => drafts.clear()}
 *   />
 * )}
 */
export function DraftResumePrompt({ savedAt, onResume, onDiscard, className }: DraftResumePromptProps) {
  const t = useApiErrorsT();
  const questionId = useId();
  const savedAgo = useDraftSavedAgo(savedAt);
  return (
    <section className={className ? `cae-draft ${className}` : 'cae-draft'} aria-labelledby={questionId}>
      {/* A page with a folded corner: something kept, waiting. Decorative: the question says it. */}
      <OutlineIcon className="cae-draft__icon" d="M6 3h8l5 5v13H6zM14 3v5h5M9 13h7M9 17h5" />
      <div>
        <p id={questionId} className="cae-draft__question">
          {t('ui.draftQuestion')}
        </p>
        {savedAgo && (
          <p className="cae-draft__time">
            <time dateTime={new Date(savedAt).toISOString()}>{savedAgo}</time>
          </p>
        )}
        <div className="cae-draft__actions">
          <ActionButton primary onAction={onResume}>
            {t('ui.resumeDraft')}
          </ActionButton>
          <ActionButton onAction={onDiscard}>{t('ui.discardDraft')}</ActionButton>
        </div>
      </div>
    </section>
  );
}

import { type ReactNode, useContext, useEffect, useId, useRef } from 'react';
import { useInAppClose } from '../in-app/use-in-app-close.js';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import { ErrorIcon } from './error-icon.js';

export interface SubmissionResultProps {
  /**
   * Empties the form for another submission: then "再填一份" leads. Without it, the page ends
   * here: "关闭页面" where an in-app browser can close it (or the provider's `onClosePage`), else
   * a line that says the page can be closed.
   * @example onFillAnother={() => setValues({})}
   */
  onFillAnother?: () => unknown;
  /** What happens next, in your words ("工作人员会在 3 个工作日内短信联系您"), under the description. */
  children?: ReactNode;
}

/**
 * The Result of a stored submission, in the error views' visual language with the success tone:
 * the tick, "提交成功" (focused, so a screen reader reads it where the form was), "您填写的内容已经收到，
 * 无需再次提交。", what happens next, and one way on. `SubmissionArea` puts it in the form's place.
 * @example
 * if (submit.isSuccess) return <SubmissionResult>我们会在 3 个工作日内短信联系您。</SubmissionResult>;
 */
export function SubmissionResult({ onFillAnother, children }: SubmissionResultProps) {
  const t = useApiErrorsT();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { inAppClose = true, handlers } = useContext(ApiErrorsContext);
  const { onClosePage } = handlers;
  const inApp = useInAppClose(!onFillAnother && !onClosePage && inAppClose);
  useEffect(() => heading.current?.focus(), []);

  // A success has no error to give the provider's close: it is called without one.
  const close = onClosePage
    ? (onClosePage as () => unknown)
    : inApp.state === 'ready'
      ? inApp.close
      : undefined;
  const action = onFillAnother ?? close;
  const saysCanClose = !onFillAnother && (!close || inApp.state === 'failed');
  return (
    <section
      className="cae-error cae-error--result cae-tone--done cae-success"
      data-tone="done"
      aria-labelledby={titleId}
    >
      <ErrorIcon tone="done" className="cae-error__icon" />
      <div className="cae-error__body">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="cae-error__title">
          {t('ui.submitted')}
        </h2>
        <p className="cae-error__description">{t('ui.submittedBody')}</p>
        {children && <div className="cae-error__description">{children}</div>}
        {/* Polite: a close that left the page open says so as it happens. */}
        <div role="status">{saysCanClose && <p className="cae-error__closing">{t('ui.canClose')}</p>}</div>
        <div className="cae-error__actions">
          {action && (
            <ActionButton primary onAction={action}>
              {t(onFillAnother ? 'ui.fillAnother' : 'actions.close-page')}
            </ActionButton>
          )}
        </div>
      </div>
    </section>
  );
}

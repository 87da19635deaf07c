import { useApiErrorsT } from '../provider/use-api-errors-t.js';

/**
 * @internal "Checking whether your last submission was saved…", with a busy indicator: shown by
 * `ApiErrorView` while a resend that cannot store twice is on its way. Its container is the
 * polite live region (`role="status"`) that announces it, focused only when the resend button
 * that had focus went away with the error.
 * @example <div role="status">{confirming && <ConfirmingResend />}</div>
 */
export function ConfirmingResend() {
  const t = useApiErrorsT();
  return (
    <div className="cae-progress cae-tone--wait">
      <span className="cae-progress__spinner" aria-hidden="true" />
      <p className="cae-progress__text">{t('ui.confirmingResend')}</p>
    </div>
  );
}

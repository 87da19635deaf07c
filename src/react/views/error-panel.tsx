import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { RecoveryAction } from '../../core/index.js';
import { useApiErrorText } from '../provider/use-api-error-text.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ErrorDetails } from './error-details.js';
import { ErrorIcon } from './error-icon.js';
import { RetryCountdown } from './retry-countdown.js';
import { useErrorActions } from './use-error-actions.js';

/** Actions without which the person cannot go on. */
const BLOCKING_ACTIONS: readonly string[] = ['reauthenticate', 'complete-identity'];

export interface ErrorPanelProps extends ApiErrorComponentProps {
  /** Actions a per-code component renders itself (a countdown's retry, the identity prompt). */
  omitActions?: readonly RecoveryAction[];
  /** What a per-code component adds between the description and the actions. */
  children?: ReactNode;
}

/**
 * The layout every error view shares: the tone's icon, headline, description, per-code content,
 * the recovery actions (the host's handlers, else built-in fallbacks, never none) and the
 * collapsible details. `page` and `result` views are Result-style: a large icon, the headline
 * focused, one primary action.
 */
export function ErrorPanel({
  error,
  description,
  variant,
  write,
  audience,
  retrying,
  retryAt,
  handlers,
  omitActions = [],
  children,
}: ErrorPanelProps) {
  const text = useApiErrorText(error, { write, audience });
  const t = useApiErrorsT();
  const titleId = useId();
  const descriptionId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const reference = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'by-hand'>();
  const large = variant !== 'inline';

  // A page or a result replaces what the person was looking at: keyboard and screen-reader users
  // land on its headline instead of at the top of the document.
  useEffect(() => {
    if (large) heading.current?.focus();
  }, [large]);

  const copyReference = async () => {
    try {
      await navigator.clipboard.writeText(text.details.reference);
      setCopied('copied');
    } catch {
      // No clipboard (an in-app browser, an insecure page, a denied permission): select it, and say
      // how to copy it by hand.
      if (reference.current) getSelection()?.selectAllChildren(reference.current);
      setCopied('by-hand');
    }
  };
  // A visitor meeting a normal state of a form (closed, full, paused) has no problem to report: no
  // reference to copy. That, and a page that is gone, ends the flow: a way out, or the closing line.
  const normalState = text.tone === 'neutral' && audience !== 'staff';
  const { actions, saysCanClose } = useErrorActions(error, text, {
    handlers,
    variant,
    omit: retrying ? [...omitActions, 'retry'] : omitActions,
    endsFlow: normalState || text.actions.some(({ id }) => id === 'go-back'),
    ...(normalState ? {} : { copyReference }),
  });
  const offersCopy = actions.some(({ id }) => id === 'copy-reference');
  const showReference = description.actions.includes('contact-support') || offersCopy;
  // A page that only an action gets past (sign in again, complete the profile) is an alertdialog,
  // announced as something to respond to; focus still lands on its headline, inside it.
  const blocking = large && actions.some(({ id }) => BLOCKING_ACTIONS.includes(id));
  const referenceLine = t('ui.labelled', { label: t('ui.reference'), value: text.details.reference });
  const [beforeReference, afterReference = ''] = referenceLine.split(text.details.reference);

  const Container = large ? 'section' : 'div';
  return (
    // A page or result is a labelled landmark (or an alertdialog); an inline view is plain content
    // of its live region — a landmark per inline error would crowd the landmark list.
    <Container
      className={`cae-error cae-error--${variant} cae-tone--${text.tone}`}
      data-error-key={text.key}
      data-tone={text.tone}
      data-category={description.category}
      role={blocking ? 'alertdialog' : undefined}
      aria-labelledby={large ? titleId : undefined}
      aria-describedby={blocking ? descriptionId : undefined}
    >
      <ErrorIcon tone={text.tone} className="cae-error__icon" />
      <div className="cae-error__body">
        {large ? (
          <h2 id={titleId} ref={heading} tabIndex={-1} className="cae-error__title">
            {text.title}
          </h2>
        ) : (
          <p id={titleId} className="cae-error__title">
            {text.title}
          </p>
        )}
        <p id={descriptionId} className="cae-error__description">
          {text.description}
        </p>
        {text.unknownNumber && <p className="cae-error__number">{text.unknownNumber}</p>}
        {/* The descriptions that send the person to support quote this reference: keep it in sight. */}
        {showReference && (
          <p className="cae-error__reference">
            {beforeReference}
            <code ref={reference} className="cae-error__code">
              {text.details.reference}
            </code>
            {afterReference}
          </p>
        )}
        {retrying && (
          <RetryCountdown error={error} retryAt={retryAt} automatic write={write} audience={audience} />
        )}
        {children}
        {/* What the person must do by hand: announced politely as it appears (a close that left the
            page open, a copy with no clipboard). An inline view's region is the one around it. */}
        {(saysCanClose || offersCopy) && (
          <div role={large ? 'status' : undefined}>
            {copied === 'by-hand' && <p className="cae-error__closing">{t('ui.copyByHand')}</p>}
            {saysCanClose && <p className="cae-error__closing">{t('ui.canClose')}</p>}
          </div>
        )}
        <div className="cae-error__actions">
          {actions.map((action, index) => {
            // The first action leads, unless it is a resend that might store twice, or a copy.
            const blindResend = text.mayHaveBeenStored && !text.resendIsSafe && action.id === 'retry';
            const primary = index === 0 && !blindResend && action.id !== 'copy-reference';
            const className = primary ? 'cae-button cae-button--primary' : 'cae-button';
            return action.href === undefined ? (
              <ActionButton key={action.id} primary={primary} onAction={action.run}>
                {action.id === 'copy-reference' && copied === 'copied' ? t('ui.copied') : action.label}
              </ActionButton>
            ) : (
              <a key={action.id} className={className} href={action.href}>
                {action.label}
              </a>
            );
          })}
        </div>
        <ErrorDetails details={text.details} />
      </div>
    </Container>
  );
}

import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { RecoveryAction } from '../core/index.js';
import { ActionButton } from './action-button.js';
import type { ApiErrorComponentProps } from './api-error-component-props.js';
import { ErrorDetails } from './error-details.js';
import { ACTION_HANDLERS } from './handlers.js';
import { useApiErrorText } from './use-api-error-text.js';
import { useApiErrorsT } from './use-api-errors-t.js';

/** Actions without which the person cannot go on. */
const BLOCKING_ACTIONS: readonly RecoveryAction[] = ['reauthenticate', 'complete-identity'];

export interface ErrorPanelProps extends ApiErrorComponentProps {
  /** Actions a per-code component renders itself (a countdown's retry, the identity prompt). */
  omitActions?: readonly RecoveryAction[];
  /** What a per-code component adds between the description and the actions. */
  children?: ReactNode;
}

/**
 * The layout every error view shares: headline, description, per-code content, the recovery
 * actions that have a handler, and the collapsible details. Used for every key that needs
 * nothing more.
 */
export function ErrorPanel({
  error,
  description,
  variant,
  write,
  handlers,
  omitActions = [],
  children,
}: ErrorPanelProps) {
  const text = useApiErrorText(error);
  const t = useApiErrorsT();
  const titleId = useId();
  const descriptionId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // A page-level error replaces what the person was looking at: keyboard and screen-reader users
  // land on its headline instead of at the top of the document.
  useEffect(() => {
    if (variant === 'page') heading.current?.focus();
  }, [variant]);

  const Container = variant === 'page' ? 'section' : 'div';
  const actions = text.actions.filter(({ id }) => !omitActions.includes(id) && handlers[ACTION_HANDLERS[id]]);
  const mayHaveArrived = write && description.retry === 'auto-for-reads';
  // A page that only an action gets past (sign in again, complete the profile) is an alertdialog,
  // announced as something to respond to; focus still lands on its headline, inside it.
  const blocking = variant === 'page' && actions.some(({ id }) => BLOCKING_ACTIONS.includes(id));

  return (
    // A page view is a labelled landmark (or an alertdialog); an inline view is plain content of
    // its live region — a landmark per inline error would crowd the landmark list.
    <Container
      className={`cae-error cae-error--${variant}`}
      data-error-key={text.key}
      data-category={description.category}
      role={blocking ? 'alertdialog' : undefined}
      aria-labelledby={variant === 'page' ? titleId : undefined}
      aria-describedby={blocking ? descriptionId : undefined}
    >
      {variant === 'page' ? (
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
      {description.actions.includes('contact-support') && (
        <p className="cae-error__reference">
          {t('ui.reference')}: {text.details.reference}
        </p>
      )}
      {mayHaveArrived && <p className="cae-error__note">{t('ui.writeMayHaveArrived')}</p>}
      {children}
      {actions.length > 0 && (
        <div className="cae-error__actions">
          {actions.map(({ id, label }, index) => (
            <ActionButton
              key={id}
              primary={index === 0}
              onAction={() => handlers[ACTION_HANDLERS[id]]?.(error)}
            >
              {label}
            </ActionButton>
          ))}
        </div>
      )}
      <ErrorDetails details={text.details} />
    </Container>
  );
}

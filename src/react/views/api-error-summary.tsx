import { type MouseEvent, useId } from 'react';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ErrorIcon } from './error-icon.js';
import { useErrorTitle } from './use-error-title.js';
import type { FieldErrorItem, FieldErrors } from './use-field-errors.js';

export interface ApiErrorSummaryProps {
  /**
   * The form's field errors, from `useFieldErrors`.
   * @example <ApiErrorSummary fieldErrors={useFieldErrors(submit, { fields })} />
   */
  fieldErrors: FieldErrors;
  /** The heading level of its title (default 2). */
  headingLevel?: 2 | 3 | 4;
}

// Like GOV.UK's error summary: the link moves focus to the input and brings its label into view,
// since a label scrolled off above the input leaves the person guessing what to type.
function goTo(event: MouseEvent, item: FieldErrorItem) {
  const input = document.getElementById(item.inputId);
  if (!input) return;
  event.preventDefault();
  input.focus({ preventScroll: true });
  const label = (input as HTMLInputElement).labels?.[0] ?? input;
  label.scrollIntoView?.({ block: 'center' });
}

/**
 * The error summary at the top of a form (GOV.UK pattern): after a submission fails on some
 * fields, it takes focus, says how many answers need changing and links to each marked field;
 * while it shows, the page's title starts with "错误：" / "Error: ". Renders nothing while no
 * field is marked.
 * @example
 * <form>
 *   <ApiErrorSummary fieldErrors={fieldErrors} />
 *   …
 * </form>
 */
export function ApiErrorSummary({ fieldErrors, headingLevel = 2 }: ApiErrorSummaryProps) {
  const t = useApiErrorsT();
  const titleId = useId();
  const { items, summaryRef } = fieldErrors;
  useErrorTitle(items.length > 0, t('fields.prefix'));
  if (items.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    // Focused when it appears (by `useFieldErrors`), so it is read out at once; a labelled
    // region, so it can be found again.
    <section ref={summaryRef} className="cae-summary cae-tone--fix" tabIndex={-1} aria-labelledby={titleId}>
      <ErrorIcon tone="fix" className="cae-summary__icon" />
      <div className="cae-summary__body">
        <Heading id={titleId} className="cae-summary__title">
          {t('fields.summaryTitle', { count: items.length })}
        </Heading>
        <ul className="cae-summary__list">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a href={`#${item.inputId}`} onClick={(event) => goTo(event, item)}>
                <bdi>{item.message}</bdi>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

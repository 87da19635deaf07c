import { useRef, useState } from 'react';
import type { ApiErrorDetails } from '../provider/use-api-error-text.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';

const FIELDS = ['reference', 'code', 'errorCode', 'status', 'endpoint', 'serverMessage', 'detail'] as const;

/**
 * The collapsible technical details of an error: for the developer and for support, never in the
 * headline. Server text is rendered as text, each value in its own `<bdi>`: a U+202E in a
 * server message cannot reorder the rows or labels around it.
 */
export function ErrorDetails({ details }: { details: ApiErrorDetails }) {
  const t = useApiErrorsT();
  const list = useRef<HTMLDListElement>(null);
  const [copied, setCopied] = useState(false);
  const rows = FIELDS.filter((field) => details[field] !== undefined && details[field] !== '').map(
    (field) => [field, String(details[field])] as const,
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(
        rows.map(([field, value]) => t('ui.labelled', { label: t(`ui.${field}`), value })).join('\n'),
      );
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a denied permission): select the details to copy by hand.
      if (list.current) getSelection()?.selectAllChildren(list.current);
    }
  };
  return (
    <details className="cae-details">
      <summary className="cae-details__summary">{t('ui.details')}</summary>
      <dl ref={list} className="cae-details__list">
        {rows.map(([field, value]) => (
          <div className="cae-details__row" key={field}>
            <dt>{t(`ui.${field}`)}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="cae-button cae-button--quiet" onClick={copy}>
        {copied ? t('ui.copied') : t('ui.copy')}
      </button>
    </details>
  );
}

import { useEffect, useState } from 'react';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';

/** A load shorter than this shows no placeholder: nothing flashes. */
export const LOADING_SHOWN_AFTER_MS = 400;

export interface LoadingPlaceholderProps {
  /**
   * What is loading, in the page's words; default "正在加载…" (`ui.loading`).
   * @example <LoadingPlaceholder label="正在加载表单…" />
   */
  label?: string;
  /** How many field-like rows the calm placeholder draws under the text; default 3. */
  rows?: number;
}

/**
 * A read on its way: a polite status ("正在加载…") over a calm placeholder of a form's rows (no
 * shimmer), shown only after 0.4 s, so a fast load does not flash (the status is there at once for
 * screen readers, visually hidden until then). Give `aria-busy` to the area that fills in; `ApiQueryArea` does.
 * @example {template.isPending && <LoadingPlaceholder label="正在加载表单…" />}
 */
export function LoadingPlaceholder({ label, rows = 3 }: LoadingPlaceholderProps) {
  const t = useApiErrorsT();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_SHOWN_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="cae-loading" role="status">
      <p className={shown ? 'cae-loading__text' : 'cae-visually-hidden'}>{label ?? t('ui.loading')}</p>
      {/* Shapes only: the status says it in words. */}
      {shown && (
        <div className="cae-loading__rows" aria-hidden="true">
          {Array.from({ length: rows }, (_, row) => `row-${row}`).map((row) => (
            <div key={row} className="cae-loading__row">
              <span className="cae-loading__label" />
              <span className="cae-loading__input" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

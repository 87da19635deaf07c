import type { ReactNode } from 'react';
import { ApiErrorView, type ApiErrorViewOptions } from './api-error-view.js';
import type { ApiQueryState } from './error-source.js';
import { LoadingPlaceholder } from './loading-placeholder.js';

export type ApiQueryAreaProps<TData> = Omit<
  ApiErrorViewOptions,
  'variant' | 'id' | 'fieldErrors' | 'write'
> & {
  /**
   * Any `useQuery` result (`useFormTemplate`, `useRecord` …): what the area shows follows it.
   * @example <ApiQueryArea query={template}>{(data) => <Form template={data} />}</ApiQueryArea>
   */
  query: ApiQueryState & { data: TData | undefined };
  /** What the area shows once the data is there. */
  children: (data: TData) => ReactNode;
  /**
   * The loading text, in the page's words; default "正在加载…".
   * @example loadingLabel="正在加载表单…"
   */
  loadingLabel?: string;
  /** Your own placeholder in place of `LoadingPlaceholder`. */
  placeholder?: ReactNode;
};

/**
 * The area of a page that a read fills: `aria-busy` with a calm placeholder while it loads, its
 * error with its retry while it has none (a Result, headline focused: any error that reaches it —
 * an unreadable answer, a 429's wait, a 502 after the retries when the query does not throw it to
 * a boundary — never nothing), then `children(data)`. Data already shown stays when a later
 * refetch fails.
 * @example
 * const template = useFormTemplate({ tpl_id });
 * <ApiQueryArea query={template} loadingLabel="正在加载表单…">
 *   {(data) => <SubmissionForm fields={data.data.groups.flatMap((group) => group.fields)} />}
 * </ApiQueryArea>
 */
export function ApiQueryArea<TData>({
  query,
  children,
  loadingLabel,
  placeholder,
  ...viewProps
}: ApiQueryAreaProps<TData>) {
  const { data, error, failureReason, fetchStatus } = query;
  const failed = error != null || (fetchStatus === 'fetching' && failureReason != null);
  let content: ReactNode;
  if (data !== undefined) content = children(data);
  else if (failed) content = <ApiErrorView {...viewProps} query={query} variant="result" />;
  else content = placeholder ?? <LoadingPlaceholder label={loadingLabel} />;
  return (
    <div className="cae-query" aria-busy={(data === undefined && !failed) || undefined}>
      {content}
    </div>
  );
}

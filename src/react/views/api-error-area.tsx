import { type ReactNode, useId, useState } from 'react';
import { describeError, endsFlow } from '../../core/index.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ApiErrorView, type ApiErrorViewOptions, ShownByAreaContext } from './api-error-view.js';
import { type ErrorSource, resolveSource } from './error-source.js';

export type ApiErrorAreaProps = Omit<ApiErrorViewOptions, 'variant' | 'id' | 'fieldErrors'> &
  ErrorSource & {
    /** The form (or any content) that an error ending the flow replaces. */
    children?: ReactNode;
  };

/**
 * The area of a form. When its submission fails in a way that ends the flow (`endsFlow`: form closed or full,
 * QR code paused, key refused …), a Result-style view takes the form's place: icon, headline,
 * description, one primary action. The form stays mounted below it, disabled and folded away
 * behind "Show your answers", so nothing typed is lost and nothing can be sent. Any other error
 * leaves the form as it is, for the views inside it.
 *
 * @example
 * <ApiErrorArea mutation={submit}>
 *   <form onSubmit={send}>…<ApiErrorView mutation={submit} /><button>Submit</button></form>
 * </ApiErrorArea>
 */
export function ApiErrorArea({ children, ...viewProps }: ApiErrorAreaProps) {
  const t = useApiErrorsT();
  const contentId = useId();
  const { error, write } = resolveSource(viewProps, viewProps.write);
  const ended = write && error !== null && error !== undefined && endsFlow(describeError(error));
  const [openFor, setOpenFor] = useState<unknown>();
  const open = ended && openFor === error;
  return (
    <>
      {ended && <ApiErrorView {...viewProps} variant="result" />}
      {ended && (
        <button
          type="button"
          className="cae-button cae-button--quiet cae-area__toggle"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpenFor(open ? undefined : error)}
        >
          {t(open ? 'ui.hideValues' : 'ui.showValues')}
        </button>
      )}
      {/* Always the same element, so the form below keeps its state whatever happens above it.
          A disabled fieldset disables every control in it, the submit button included. */}
      <fieldset
        id={contentId}
        className="cae-area"
        disabled={ended}
        hidden={ended && !open}
        // `contents`: the fieldset adds no box of its own to the host's layout.
        style={{ display: ended && !open ? 'none' : 'contents' }}
      >
        {/* The views inside show nothing of the error shown above. */}
        <ShownByAreaContext.Provider value={ended ? error : undefined}>
          {children}
        </ShownByAreaContext.Provider>
      </fieldset>
    </>
  );
}

import { useContext, useMemo, useState } from 'react';
import { ApiErrorBoundaryContext } from './api-error-boundary.js';

export interface UseApiErrorBoundary {
  /** Shows `error` in the nearest `ApiErrorBoundary`, e.g. from an event handler. */
  showBoundary: (error: unknown) => void;
  /** Resets the nearest boundary. */
  resetBoundary: () => void;
}

/**
 * For errors that React cannot catch by itself (event handlers, effects, promises).
 * @example
 * const { showBoundary } = useApiErrorBoundary();
 * <button onClick={() => client.getRecord(request).catch(showBoundary)}>Open</button>
 */
export function useApiErrorBoundary(): UseApiErrorBoundary {
  const resetErrorBoundary = useContext(ApiErrorBoundaryContext)?.resetErrorBoundary;
  const [state, setState] = useState<{ error: unknown } | null>(null);
  const value = useMemo<UseApiErrorBoundary>(
    () => ({
      showBoundary: (error) => setState({ error }),
      resetBoundary: () => {
        resetErrorBoundary?.();
        setState(null);
      },
    }),
    [resetErrorBoundary],
  );
  // Thrown while rendering, React hands it to the nearest boundary.
  if (state) throw state.error;
  return value;
}

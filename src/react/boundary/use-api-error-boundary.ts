import { useErrorBoundary } from 'react-error-boundary';

export interface ApiErrorBoundaryControls {
  /** Shows `error` in the nearest `ApiErrorBoundary`, e.g. from an event handler. */
  showBoundary: (error: unknown) => void;
  /** Resets the nearest boundary. */
  resetBoundary: () => void;
}

/**
 * For errors that React cannot catch by itself (event handlers, effects, promises): react-error-
 * boundary's `useErrorBoundary`, for the nearest `ApiErrorBoundary`. Call it inside one: outside
 * any boundary, react-error-boundary throws.
 * @example
 * const { showBoundary } = useApiErrorBoundary();
 * <button onClick={() => client.getRecord(request).catch(showBoundary)}>Open</button>
 */
export function useApiErrorBoundary(): ApiErrorBoundaryControls {
  const { showBoundary, resetBoundary } = useErrorBoundary();
  return { showBoundary, resetBoundary };
}

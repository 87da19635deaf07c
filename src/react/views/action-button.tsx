import { type ReactNode, useRef, useState } from 'react';

export interface ActionButtonProps {
  /** Runs on click; while its promise is pending, clicks are ignored, so it never runs twice. */
  onAction: () => unknown;
  disabled?: boolean;
  primary?: boolean;
  children: ReactNode;
}

/** A button for a recovery action; its label says what it really does ("Try again now"). */
export function ActionButton({ onAction, disabled = false, primary = false, children }: ActionButtonProps) {
  const [pending, setPending] = useState(false);
  // A ref, not state: a second click in the same tick must see the first one.
  const running = useRef(false);
  const run = async () => {
    if (running.current || disabled) return;
    running.current = true;
    setPending(true);
    try {
      await onAction();
    } catch {
      // A failed action shows its own error (a mutation's, a new query's); nothing to add here.
    } finally {
      running.current = false;
      setPending(false);
    }
  };
  return (
    <button
      type="button"
      className={primary ? 'cae-button cae-button--primary' : 'cae-button'}
      // aria-disabled, not disabled: a disabled button drops keyboard focus to the page's start.
      aria-disabled={disabled || pending || undefined}
      aria-busy={pending || undefined}
      onClick={run}
    >
      {children}
    </button>
  );
}

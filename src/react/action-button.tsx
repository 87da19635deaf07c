import { type ReactNode, useRef, useState } from 'react';

export interface ActionButtonProps {
  /** Runs on click; while its promise is pending the button is disabled, so it never runs twice. */
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
    if (running.current) return;
    running.current = true;
    setPending(true);
    try {
      await onAction();
    } finally {
      running.current = false;
      setPending(false);
    }
  };
  return (
    <button
      type="button"
      className={primary ? 'cae-button cae-button--primary' : 'cae-button'}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      onClick={run}
    >
      {children}
    </button>
  );
}

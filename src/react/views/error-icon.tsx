import type { ErrorTone } from '../../core/index.js';

// One 24 × 24 outline per tone, drawn with `currentColor`: the icon carries the meaning that the
// colour alone must not (WCAG 1.4.1), and the text beside it says it in words.
const PATHS: Record<ErrorTone, string> = {
  // A circle with a cross: refused, broken or over.
  error: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9 9l6 6M15 9l-6 6',
  // An octagon with an exclamation mark, a stop sign: refused, and worth stopping for.
  warning: 'M8.3 3h7.4L21 8.3v7.4L15.7 21H8.3L3 15.7V8.3zM12 7.5V13M12 16.5h.01',
  // A circle with an "i": a normal state of a form, told as information.
  neutral: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v5.5M12 7.5h.01',
  // A triangle with an exclamation mark: something to change.
  fix: 'M12 4 2.8 19.5h18.4zM12 10v4.5M12 17h.01',
  // A clock: it works again after a wait.
  wait: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7.5V12l3 2',
  // A circle with a tick: done.
  done: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12.5l2.8 2.7L16.2 9.5',
};

/** The icon of a tone. Decorative: the headline beside it says the same in words. */
export function ErrorIcon({ tone, className = 'cae-icon' }: { tone: ErrorTone; className?: string }) {
  return <OutlineIcon d={PATHS[tone]} className={className} />;
}

/** @internal A decorative 24 × 24 outline in `currentColor`, the style of every icon here. */
export function OutlineIcon({ d, className }: { d: string; className: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

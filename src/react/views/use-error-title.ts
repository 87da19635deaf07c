import { useEffect } from 'react';

// One mark for the page, however many summaries show: it stays while any of them does.
let showing = 0;
let restore: (() => void) | undefined;

function mark(prefix: string): () => void {
  // A title that already starts with it (the host's own) is not ours to mark or to undo.
  if (showing++ === 0 && !document.title.startsWith(prefix)) {
    const original = document.title;
    const marked = `${prefix}${original}`;
    document.title = marked;
    // A title the host has changed since (a new route) is the host's: left as it is.
    restore = () => {
      if (document.title === marked) document.title = original;
    };
  }
  return () => {
    if (--showing > 0) return;
    restore?.();
    restore = undefined;
  };
}

/**
 * While `active`, the document's title starts with `prefix` ("错误：", "Error: "), so that a person
 * switching tabs, or a screen reader reading the title, knows the page has a problem (GOV.UK's
 * pattern); the title is restored once no summary is active any more. Only the browser's title is
 * touched: an effect, never the server's render.
 * @example useErrorTitle(fieldErrors.items.length > 0, t('fields.prefix'));
 */
export function useErrorTitle(active: boolean, prefix: string) {
  useEffect(() => (active ? mark(prefix) : undefined), [active, prefix]);
}

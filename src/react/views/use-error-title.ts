import { useEffect } from 'react';

/**
 * While `active`, the document's title starts with `prefix` ("错误：", "Error: "), so that a person
 * switching tabs, or a screen reader reading the title, knows the page has a problem (GOV.UK's
 * pattern); the title is restored when it ends. Only the browser's title is touched: an effect,
 * never the server's render.
 * @example useErrorTitle(fieldErrors.items.length > 0, t('fields.prefix'));
 */
export function useErrorTitle(active: boolean, prefix: string) {
  useEffect(() => {
    // Already marked (a second summary on the page): one mark is enough, and it is not ours to undo.
    if (!active || document.title.startsWith(prefix)) return;
    const original = document.title;
    const marked = `${prefix}${original}`;
    document.title = marked;
    return () => {
      // A title the host has changed since (a new route) is the host's: left as it is.
      if (document.title === marked) document.title = original;
    };
  }, [active, prefix]);
}

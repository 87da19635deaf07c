/** Where drafts are kept: `sessionStorage` (this tab, until it closes) or `localStorage`. */
export type DraftStorageKind = 'session' | 'local';

/**
 * @internal Web Storage that never throws: every access can (a SecurityError when storage is
 * blocked, a QuotaExceededError when it is full, nothing at all on a server), and a draft that
 * cannot be kept must never cost the person the form on the screen.
 */
interface SafeStorage {
  /** The stored text, or `undefined` when there is none or storage cannot be read. */
  get(name: string): string | undefined;
  /** Whether the text was stored. */
  set(name: string, value: string): boolean;
  remove(name: string): void;
}

// Throws where storage is blocked (a SecurityError): every caller below catches.
function open(kind: DraftStorageKind): Storage | undefined {
  if (typeof window === 'undefined') return undefined;
  return (kind === 'local' ? window.localStorage : window.sessionStorage) ?? undefined;
}

/**
 * @internal The storage of `kind`, looked up at each access.
 * @example safeStorage('session').set('draft', text); // false when full or blocked
 */
export function safeStorage(kind: DraftStorageKind): SafeStorage {
  return {
    get(name) {
      try {
        return open(kind)?.getItem(name) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(name, value) {
      try {
        const storage = open(kind);
        storage?.setItem(name, value);
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    remove(name) {
      try {
        open(kind)?.removeItem(name);
      } catch {
        // Blocked: there is nothing we could have read from it either.
      }
    },
  };
}

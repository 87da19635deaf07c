/**
 * An i18next instance as far as this library uses it: its language, its events, its texts. Any
 * i18next instance fits (i18next ≥ 23); a structural type, so that a host without i18next installed
 * still type-checks.
 * @example const instance: I18nextInstance = i18next.createInstance();
 */
export interface I18nextInstance {
  readonly language: string;
  readonly isInitialized: boolean;
  on(event: 'initialized' | 'languageChanged', listener: () => void): unknown;
  off(event: 'initialized' | 'languageChanged', listener: () => void): unknown;
  exists(key: string, options?: Record<string, unknown>): boolean;
  t(key: string, options?: Record<string, unknown>): string;
  getResourceBundle(lng: string, ns: string): unknown;
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

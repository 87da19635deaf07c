import { type ApiErrorsLanguage, type ApiErrorsTextsByLanguage, FALLBACK_LANGUAGES } from './instance.js';

/** The values of a text's `{{name}}` placeholders; a number `count` also chooses its plural form. */
export type TextValues = Readonly<Record<string, unknown>>;

/**
 * Looks up a text of this library's namespace: the first of `key` that exists, its placeholders
 * filled in; the key itself (the last of a list) when none exists.
 * @example t(['actions.retry_write', 'actions.retry']) // '重新提交'
 */
export type ApiErrorsT = (key: string | readonly string[], values?: TextValues) => string;

/** A translator over some languages' texts, for one language. */
export interface ApiErrorsTranslator {
  /** The text, or undefined when no language has any of `key`. */
  find(key: string | readonly string[], values?: TextValues): string | undefined;
  t: ApiErrorsT;
}

const PLACEHOLDER = /{{\s*(\w+)\s*}}/g;

/**
 * A translator in `lng`, no i18next needed: `{{name}}` placeholders (not escaped: React escapes
 * what it renders), key lists (the first that exists), plural forms by `count` as i18next names
 * them (`_one`, `_other`; Chinese has only `_other`), and the other languages given, nearest
 * first (`FALLBACK_LANGUAGES`). A language is searched through for every key of a list before
 * the next language, so that a page never shows another language's variant over its own text.
 * @example createTranslator('zh', { zh }).t('ui.waitManual', { seconds: 5 }) // '5 秒后可以重试'
 */
export function createTranslator(
  lng: ApiErrorsLanguage,
  languages: ApiErrorsTextsByLanguage,
): ApiErrorsTranslator {
  const find = (key: string | readonly string[], values: TextValues = {}) => {
    for (const language of [lng, ...FALLBACK_LANGUAGES[lng]]) {
      const texts = languages[language];
      if (!texts) continue;
      for (const candidate of typeof key === 'string' ? [key] : key) {
        const text = lookUp(texts, candidate, pluralForms(language, values.count));
        if (text !== undefined) return fillIn(text, values);
      }
    }
    return undefined;
  };
  return {
    find,
    t: (key, values) => find(key, values) ?? (typeof key === 'string' ? key : (key.at(-1) ?? '')),
  };
}

/** The suffixes to try for `count`: its own plural form, then `_other`, then none. */
function pluralForms(language: ApiErrorsLanguage, count: unknown): string[] {
  if (typeof count !== 'number') return [''];
  return [`_${new Intl.PluralRules(language).select(count)}`, '_other', ''];
}

/** The text at a dotted path (`errors.502.title`) with the first suffix that has one. */
function lookUp(texts: object, path: string, suffixes: string[]): string | undefined {
  for (const suffix of suffixes) {
    let node: unknown = texts;
    for (const part of `${path}${suffix}`.split('.'))
      node =
        node !== null && typeof node === 'object' && Object.hasOwn(node, part)
          ? node[part as never]
          : undefined;
    if (typeof node === 'string') return node;
  }
  return undefined;
}

function fillIn(text: string, values: TextValues): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) =>
    values[name] === undefined ? placeholder : String(values[name]),
  );
}

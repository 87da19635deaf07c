import type { ApiErrorsResource } from './resource.js';

/** The namespace of this library's texts in an i18next instance (`addApiErrorResources`). */
export const API_ERRORS_NS = 'caoliao-api-errors';

/** The languages this library speaks: Simplified Chinese, Traditional Chinese and English. */
export type ApiErrorsLanguage = 'zh' | 'zh-Hant' | 'en';

/**
 * The texts to use, per language: all, or only those your app speaks (`{ zh }`), so that a
 * bundler leaves the others out.
 * @example const texts: ApiErrorsTextsByLanguage = { zh, en };
 */
export type ApiErrorsTextsByLanguage = Partial<Record<ApiErrorsLanguage, ApiErrorsResource>>;

const TRADITIONAL_REGIONS = ['tw', 'hk', 'mo'];

/**
 * Maps any language tag to one this library speaks: Traditional Chinese for `zh-Hant` and the
 * regions that write it (`zh-TW`, `zh-HK`, `zh-MO`), Simplified for every other Chinese tag (`zh`,
 * `zh-CN`, `zh-Hans`, `zh-SG` …), English for everything else. A script subtag wins over a region.
 * @example toApiErrorsLanguage('zh-HK') // 'zh-Hant'
 */
export function toApiErrorsLanguage(tag: string | null | undefined): ApiErrorsLanguage {
  const subtags = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (subtags[0] !== 'zh') return 'en';
  if (subtags.includes('hans')) return 'zh';
  if (subtags.includes('hant') || subtags.some((subtag) => TRADITIONAL_REGIONS.includes(subtag)))
    return 'zh-Hant';
  return 'zh';
}

/** The languages to fall back to when a language's texts are missing, nearest first. */
export const FALLBACK_LANGUAGES: Record<ApiErrorsLanguage, readonly ApiErrorsLanguage[]> = {
  zh: ['zh-Hant', 'en'],
  'zh-Hant': ['zh', 'en'],
  en: ['zh', 'zh-Hant'],
};

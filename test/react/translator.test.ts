import { describe, expect, it } from 'vitest';
import { en, enStaff, zh, zhHant, zhStaff } from '../../src/i18n/index.js';
import type { ApiErrorsResource } from '../../src/i18n/resource.js';
import { createTranslator } from '../../src/i18n/translator.js';

/** Texts of one language with `changes` over them, for keys a test needs missing or changed. */
function textsWith(base: ApiErrorsResource, changes: { ui?: object; errors?: object }): ApiErrorsResource {
  return {
    ...base,
    ui: { ...base.ui, ...changes.ui },
    errors: { ...base.errors, ...changes.errors },
  } as ApiErrorsResource;
}

describe('createTranslator', () => {
  it('fills in {{name}} placeholders, as given (React escapes what it renders)', () => {
    const { t } = createTranslator('en', { en });
    expect(t('ui.labelled', { label: 'Reference', value: '<b>&amp;</b>' })).toBe(
      en.ui.labelled.replace('{{label}}', 'Reference').replace('{{value}}', '<b>&amp;</b>'),
    );
    expect(t('ui.waitManual', { seconds: 5 })).toBe(en.ui.waitManual.replace('{{seconds}}', '5'));
  });

  it('leaves a placeholder without a value as it is, and fills a value only once (no text inside a value is read)', () => {
    const { t } = createTranslator('en', { en });
    expect(t('ui.labelled', { label: '{{value}}' })).toBe(en.ui.labelled.replace('{{label}}', '{{value}}'));
  });

  it('takes the first key of a list that exists', () => {
    const { t } = createTranslator('zh', { zh: zhStaff });
    expect(t(['errors.401.title_nothing', 'errors.401.title_staff', 'errors.401.title'])).toBe(
      zhStaff.errors[401].title_staff,
    );
    expect(t(['errors.401.title_nothing', 'errors.401.title'])).toBe(zhStaff.errors[401].title);
  });

  it('answers a missing text with its key (the last of a list), and find() with undefined', () => {
    const translator = createTranslator('zh', { zh });
    expect(translator.t(['ui.nothing', 'ui.nothing_either'])).toBe('ui.nothing_either');
    expect(translator.t('errors.502')).toBe('errors.502'); // an object, not a text
    expect(translator.find('ui.nothing')).toBeUndefined();
    expect(createTranslator('zh', {}).t('errors.502.title')).toBe('errors.502.title');
  });

  it('chooses the English plural form by count (Intl.PluralRules: one, other)', () => {
    const { t } = createTranslator('en', { en });
    expect(t('fields.summaryTitle', { count: 1 })).toBe(
      en.fields.summaryTitle_one?.replace('{{count}}', '1'),
    );
    expect(t('fields.summaryTitle', { count: 3 })).toBe(
      en.fields.summaryTitle_other.replace('{{count}}', '3'),
    );
    expect(t('ui.draftSavedMinutesAgo', { count: 0 })).toBe(
      en.ui.draftSavedMinutesAgo_other.replace('{{count}}', '0'),
    );
  });

  it('uses _other for every count in Chinese, which has no other plural form', () => {
    const texts = textsWith(zh, { ui: { draftSavedDaysAgo_one: '不该用到' } });
    const { t } = createTranslator('zh', { zh: texts });
    expect(t('ui.draftSavedDaysAgo', { count: 1 })).toBe(
      zh.ui.draftSavedDaysAgo_other.replace('{{count}}', '1'),
    );
    expect(t('fields.summaryTitle', { count: 2 })).toBe(
      zh.fields.summaryTitle_other.replace('{{count}}', '2'),
    );
  });

  it('falls back to _other when the count’s own form is missing', () => {
    const texts = textsWith(en, { ui: { draftSavedHoursAgo_one: undefined } });
    const { t } = createTranslator('en', { en: texts });
    expect(t('ui.draftSavedHoursAgo', { count: 1 })).toBe(
      en.ui.draftSavedHoursAgo_other.replace('{{count}}', '1'),
    );
  });

  it('falls back language by language in FALLBACK_LANGUAGES order, the page’s language before any variant', () => {
    const zhWithout = textsWith(zh, { ui: { copied: undefined } });
    const hantWithout = textsWith(zhHant, { ui: { copied: undefined } });
    expect(createTranslator('zh', { zh: zhWithout, 'zh-Hant': zhHant, en }).t('ui.copied')).toBe(
      zhHant.ui.copied,
    );
    expect(createTranslator('zh', { zh: zhWithout, en }).t('ui.copied')).toBe(en.ui.copied);
    expect(createTranslator('zh-Hant', { 'zh-Hant': hantWithout, zh, en }).t('ui.copied')).toBe(zh.ui.copied);
    expect(createTranslator('en', { zh, 'zh-Hant': zhHant }).t('ui.copied')).toBe(zh.ui.copied);
    // A variant missing in the page's language: its plain text, not another language's variant.
    expect(zh.errors[401].title_staff).toBeUndefined();
    expect(
      createTranslator('zh', { zh, en: enStaff }).t(['errors.401.title_staff', 'errors.401.title']),
    ).toBe(zh.errors[401].title);
  });
});

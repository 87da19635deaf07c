import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_KEYS } from '../../src/core/index.js';
import { enStaff } from '../../src/i18n/en.js';
import {
  API_ERRORS_NS,
  addApiErrorResources,
  createApiErrorsI18n,
  en,
  resources,
  toApiErrorsLanguage,
  zh,
  zhHant,
} from '../../src/i18n/index.js';
import type { ActionId } from '../../src/i18n/resource.js';
import { zhStaff } from '../../src/i18n/zh.js';
import { zhHantStaff } from '../../src/i18n/zh-hant.js';

/** Every text of a resource, by its dotted key. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof value !== 'object' || value === null) return entries.set(prefix, value);
  for (const [key, child] of Object.entries(value)) {
    for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(path, text);
  }
  return entries;
}
const variables = (text: unknown) =>
  [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map(([, name]) => name).sort();

const ACTIONS: ActionId[] = [
  'retry',
  'reauthenticate',
  'contact-support',
  'contact-admin',
  'request-permission',
  'go-back',
  'rescan',
  'fix-fields',
  'reload',
  'choose-another',
  'enter-certificate-code',
  'enter-auth-code',
  'complete-identity',
  'reload-page',
  'go-home',
  'close-page',
  'copy-reference',
];
const VARIANTS = ['write', 'staff', 'write_staff', 'idempotent'];
// The complete texts of each language: the visitor's with the staff's over them.
const LANGUAGES = [
  ['zh', zhStaff],
  ['zh-Hant', zhHantStaff],
  ['en', enStaff],
] as const;
// What a visitor's page imports: the same texts without the staff's.
const BY_READER = [
  ['zh', zh, zhStaff],
  ['zh-Hant', zhHant, zhHantStaff],
  ['en', en, enStaff],
] as const;

// i18next's plural forms: the languages differ in which they need (Chinese has only `_other`).
const withoutPlural = (path: string) => path.replace(/_(zero|one|two|few|many|other)$/, '');

describe.each(LANGUAGES)('the %s texts', (_, resource) => {
  it.each(ERROR_KEYS)('have a headline and a description for %s', (key) => {
    expect(resource.errors[key].title).toMatch(/\S/);
    expect(resource.errors[key].description).toMatch(/\S/);
  });

  it('have only known variants of error texts', () => {
    for (const key of ERROR_KEYS) {
      for (const name of Object.keys(resource.errors[key])) {
        const [field, ...variant] = name.split('_');
        expect(['title', 'description'], `${key}.${name}`).toContain(field);
        if (variant.length > 0) expect(VARIANTS, `${key}.${name}`).toContain(variant.join('_'));
      }
    }
  });

  it('label every action, and specific labels only of known actions and keys', () => {
    const labels = Object.keys(resource.actions);
    expect(labels.filter((label) => !label.includes('_')).sort()).toEqual([...ACTIONS].sort());
    for (const label of labels.filter((name) => name.includes('_'))) {
      const [action, ...rest] = label.split('_');
      const suffix = rest.join('_');
      expect(ACTIONS, label).toContain(action);
      expect([...ERROR_KEYS, ...VARIANTS, 'ambiguous', 'ambiguous_staff'], label).toContain(suffix);
    }
  });

  it('have no empty text anywhere', () => {
    for (const [path, text] of flatten(resource)) expect(text, path).toMatch(/\S/);
  });

  it('give every error its own headline for the staff, who need the precise reason', () => {
    const keys = ERROR_KEYS.filter((key) => key !== '0');
    const titles = keys.map((key) => resource.errors[key].title_staff ?? resource.errors[key].title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('every language', () => {
  const [reference, ...others] = LANGUAGES.map(([lng, resource]) => [lng, flatten(resource)] as const);
  const keysOf = (texts: Map<string, unknown>) => [...new Set([...texts.keys()].map(withoutPlural))].sort();

  it.each(others)('%s has the same keys as zh', (_, texts) => {
    expect(keysOf(texts)).toEqual(keysOf(reference[1]));
  });

  it.each(others)('%s uses the same interpolation variables as zh in every text', (_, texts) => {
    for (const [path, text] of texts) {
      const same = reference[1].get(path) ?? reference[1].get(`${withoutPlural(path)}_other`);
      expect(variables(text), path).toEqual(variables(same));
    }
  });

  it.each(BY_READER)('%s has the same keys for a visitor as zh', (_, visitor) => {
    expect(keysOf(flatten(visitor))).toEqual(keysOf(flatten(zh)));
  });

  it.each([LANGUAGES[0], LANGUAGES[1]])('%s writes Chinese with Chinese punctuation', (_, resource) => {
    for (const [path, text] of flatten(resource))
      expect(String(text), path).not.toMatch(/[\u4e00-\u9fff][,;:?!()]|[,;:?!(][\u4e00-\u9fff]/);
  });

  it('zh-Hant is written in Traditional characters', () => {
    // Characters that exist only in Simplified Chinese, common in these texts.
    const simplified = /[们说这时间为么后会没应请问题码证销码钮键设资讯级网络过边发认输载]/;
    for (const [path, text] of flatten(zhHantStaff)) expect(String(text), path).not.toMatch(simplified);
  });
});

describe('texts split by reader', () => {
  it.each(BY_READER)('%s: a visitor’s texts hold no staff variant', (_, visitor) => {
    const staffOnly = [...flatten(visitor).keys()].filter((path) => path.endsWith('_staff'));
    expect(staffOnly).toEqual([]);
  });

  it.each(BY_READER)(
    '%s: the staff’s texts are the visitor’s, and only staff variants besides',
    (_, visitor, staff) => {
      const staffTexts = flatten(staff);
      for (const [path, text] of flatten(visitor)) expect(staffTexts.get(path), path).toBe(text);
      const added = [...staffTexts.keys()].filter((path) => !flatten(visitor).has(path));
      expect(added.length).toBeGreaterThan(0);
      for (const path of added) expect(path).toMatch(/_staff$/);
    },
  );
});

describe('language tags', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-Hans-HK', 'zh'],
    ['zh-TW', 'zh-Hant'],
    ['zh_HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['ZH-hant-tw', 'zh-Hant'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['zu', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, language) => {
    expect(toApiErrorsLanguage(tag)).toBe(language);
  });
});

describe('addApiErrorResources', () => {
  it('adds the namespace to the host’s instance without init or use, keeping the host’s own texts', async () => {
    const host = i18next.createInstance();
    await host.init({
      lng: 'zh-CN',
      resources: { zh: { [API_ERRORS_NS]: { actions: { retry: '再来一次' } } } },
    });
    const init = vi.spyOn(host, 'init');
    const use = vi.spyOn(host, 'use');

    addApiErrorResources(host);

    expect(init).not.toHaveBeenCalled();
    expect(use).not.toHaveBeenCalled();
    expect(host.t('errors.100329.title', { ns: API_ERRORS_NS })).toBe(zh.errors[100329].title);
    expect(host.t('actions.retry', { ns: API_ERRORS_NS })).toBe('再来一次');
    expect(host.getFixedT('en', API_ERRORS_NS)('errors.429.title')).toBe(en.errors[429].title);
  });
});

describe('createApiErrorsI18n', () => {
  it('makes a private instance in the language asked for, mapped to zh, zh-Hant or en', () => {
    expect(createApiErrorsI18n('zh-CN').t('ui.waitManual', { seconds: 5 })).toBe('5 秒后可以重试');
    expect(createApiErrorsI18n('zh-HK').t('errors.404.title')).toBe(zhHant.errors[404].title);
    expect(createApiErrorsI18n('fr').t('errors.network.title')).toBe(en.errors.network.title);
    expect(i18next.isInitialized).toBeFalsy(); // the global instance is left alone
  });

  it('follows the page language when none is given', () => {
    document.documentElement.lang = 'zh-Hans';
    try {
      expect(createApiErrorsI18n().language).toBe('zh');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('exposes every language under the namespace, complete (the staff’s variants too)', () => {
    expect(resources.zh[API_ERRORS_NS]).toBe(zhStaff);
    expect(resources['zh-Hant'][API_ERRORS_NS]).toBe(zhHantStaff);
    expect(resources.en[API_ERRORS_NS]).toBe(enStaff);
  });
});

import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_KEYS, type RecoveryAction } from '../../src/core/index.js';
import {
  API_ERRORS_NS,
  addApiErrorResources,
  createApiErrorsI18n,
  en,
  resources,
  toApiErrorsLanguage,
  zh,
} from '../../src/i18n/index.js';

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

const ACTIONS: RecoveryAction[] = [
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
];

describe.each([
  ['zh', zh],
  ['en', en],
])('the %s texts', (_, resource) => {
  it.each(ERROR_KEYS)('have a headline and a description for %s', (key) => {
    expect(resource.errors[key].title).toMatch(/\S/);
    expect(resource.errors[key].description).toMatch(/\S/);
  });

  it('label every recovery action', () => {
    expect(Object.keys(resource.actions).sort()).toEqual([...ACTIONS].sort());
  });

  it('have no empty text anywhere', () => {
    for (const [path, text] of flatten(resource)) expect(text, path).toMatch(/\S/);
  });

  it('give every error its own headline', () => {
    const titles = ERROR_KEYS.map((key) => resource.errors[key].title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('zh and en', () => {
  const zhTexts = flatten(zh);
  const enTexts = flatten(en);

  it('have the same keys', () => {
    expect([...zhTexts.keys()].sort()).toEqual([...enTexts.keys()].sort());
  });

  it('use the same interpolation variables in every text', () => {
    for (const [path, text] of zhTexts) expect(variables(text), path).toEqual(variables(enTexts.get(path)));
  });

  it('write Chinese with Chinese punctuation', () => {
    for (const [path, text] of zhTexts) expect(String(text), path).not.toMatch(/[\u4e00-\u9fff][,;:?!]/);
  });
});

describe('language tags', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-TW', 'zh'],
    ['zh_HK', 'zh'],
    ['ZH-hant-tw', 'zh'],
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
  it('makes a private instance in the language asked for, mapped to zh or en', () => {
    expect(createApiErrorsI18n('zh-TW').t('ui.retryIn', { seconds: 5 })).toBe('5 秒后可以重试');
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

  it('exposes both languages under the namespace', () => {
    expect(resources.zh[API_ERRORS_NS]).toBe(zh);
    expect(resources.en[API_ERRORS_NS]).toBe(en);
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_KEYS } from '../../src/core/index.js';
import { enStaff } from '../../src/i18n/en.js';
import type { ApiErrorsResource, ErrorText } from '../../src/i18n/resource.js';
import { zh, zhStaff } from '../../src/i18n/zh.js';
import { zhHant, zhHantStaff } from '../../src/i18n/zh-hant.js';

// The copy rules a native review set (issue 19, point 9), kept as tests. The headlines' two lines at
// 390 px are proved in Chromium (test/browser/headlines.browser.test.ts).

/** Every text of a resource, by its dotted key. */
function texts(resource: ApiErrorsResource): [string, string][] {
  const groups = { actions: resource.actions, fields: resource.fields, ui: resource.ui };
  return [
    ...Object.entries(resource.errors).flatMap(([key, text]) =>
      Object.entries(text).map(([name, value]): [string, string] => [`errors.${key}.${name}`, value]),
    ),
    ...Object.entries(groups).flatMap(([group, entries]) =>
      Object.entries(entries).map(([name, value]): [string, string] => [`${group}.${name}`, String(value)]),
    ),
  ];
}

const CHINESE = [
  ['zh', zh, zhStaff],
  ['zh-Hant', zhHant, zhHantStaff],
] as const;

describe('staff texts', () => {
  // Desk staff are not developers: what broke is said in their words (the page's connection to 草料,
  // the admin console), never in the API's.
  const API_VOCABULARY = /API|接口|参数|參數|parameter/i;

  it.each([
    ['zh', zhStaff],
    ['zh-Hant', zhHantStaff],
    ['en', enStaff],
  ] as const)('never use API vocabulary (%s)', (_, staff) => {
    for (const [path, text] of texts(staff)) expect(text, path).not.toMatch(API_VOCABULARY);
  });
});

describe.each(CHINESE)('the %s texts', (_, visitor, staff) => {
  const errorTexts = (key: string) => staff.errors[key as keyof typeof staff.errors] as ErrorText;

  it('send a visitor to the form’s publisher (forms are inspections, repairs, sign-ins as often as events)', () => {
    for (const [path, text] of texts(visitor)) expect(text, path).not.toMatch(/活动|活動|组织方|主辦/);
    expect(visitor.actions['contact-admin']).toMatch(/^(联系表单发布方|聯絡表單發布者)$/);
    expect(visitor.actions['contact-support']).toBe(visitor.actions['contact-admin']);
  });

  it('never call a form that needs its publisher “temporarily” unavailable', () => {
    for (const key of ['400', '401', '403', '100301', '100302', '100305', '100315', '100316']) {
      const { title, description, title_write, description_write } = errorTexts(key);
      for (const text of [title, description, title_write, description_write].filter(Boolean))
        expect(text, key).not.toMatch(/暂时|暫時/);
    }
  });

  it('keep a button short: no explanation in brackets, ten characters at most', () => {
    for (const [name, label] of Object.entries(staff.actions)) {
      expect(label, name).not.toMatch(/[（(]/);
      expect(label.replace(/\s/g, '').length, name).toBeLessThanOrEqual(10);
    }
  });

  it('never repeat a headline in its description', () => {
    const hanzi = (text: string) => text.replace(/[^\u4e00-\u9fff]/g, '');
    const longestShared = (a: string, b: string) => {
      let longest = 0;
      for (let start = 0; start < a.length; start++)
        while (start + longest < a.length && b.includes(a.slice(start, start + longest + 1))) longest++;
      return longest;
    };
    for (const key of ERROR_KEYS) {
      const text = errorTexts(key);
      for (const variant of ['', '_write', '_staff', '_write_staff', '_idempotent']) {
        const description = text[`description${variant}` as keyof ErrorText];
        const title =
          text[`title${variant}` as keyof ErrorText] ??
          (variant.includes('write') || variant === '_idempotent' ? text.title_write : undefined) ??
          text.title;
        if (!description || !title) continue;
        expect(longestShared(hanzi(title), hanzi(description)), `${key}${variant}`).toBeLessThan(6);
        // A headline that says the outcome is unknown (502, a lost connection) is not said twice.
        if (/无法确认|無法確認/.test(title))
          expect(description, `${key}${variant}`).not.toMatch(/无法确认|無法確認/);
      }
    }
  });

  it('offer the ambiguous resend as a plain “once more”', () => {
    expect(visitor.actions.retry_ambiguous).toMatch(/^(再提交一次|再送出一次)$/);
  });

  it('tell a person what to do with a marked field, and never to change a value that may be their own', () => {
    const { required, invalid, duplicate, duplicateValue, summaryTitle_other } = visitor.fields;
    for (const message of [required, invalid]) expect(message).toMatch(/^(请|請)/);
    for (const message of [duplicate, duplicateValue]) {
      expect(message).not.toMatch(/换一个|換一個/);
      expect(message).toMatch(/本人/);
    }
    // One summary counts blank, wrong and duplicate fields alike: its words must hold for each.
    expect(summaryTitle_other).toMatch(/填写或修改|填寫或修改/);
  });
});

it('zh says 响应, never 回应', () => {
  for (const [path, text] of texts(zhStaff)) expect(text, path).not.toMatch(/回应/);
});

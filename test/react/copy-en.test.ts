import { describe, expect, it } from 'vitest';
import { ERROR_KEYS } from '../../src/core/index.js';
import { en, enStaff } from '../../src/i18n/en.js';
import type { ApiErrorsResource, ErrorText } from '../../src/i18n/resource.js';

// The English copy by the rules of a native review (issue 19, point 9). The headlines' two lines at
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

const errorTexts = (key: string) => enStaff.errors[key as keyof typeof enStaff.errors] as ErrorText;
const words = (text: string) => text.toLowerCase().match(/[\w’-]+/g) ?? [];

/** The longest run of words two texts share. */
function longestSharedRun(a: string, b: string): number {
  const [first, second] = [words(a), ` ${words(b).join(' ')} `];
  let longest = 0;
  for (let start = 0; start < first.length; start++)
    while (
      start + longest < first.length &&
      second.includes(` ${first.slice(start, start + longest + 1).join(' ')} `)
    )
      longest++;
  return longest;
}

describe('the English texts', () => {
  it('send a visitor to the form’s owner: forms are inspections, repairs and sign-ins as often as events', () => {
    for (const [path, text] of texts(en)) expect(text, path).not.toMatch(/organi[sz]er|\bevents?\b/i);
    expect(en.actions['contact-admin']).toBe('Contact the form’s owner');
    expect(en.actions['contact-support']).toBe(en.actions['contact-admin']);
  });

  it('use no API vocabulary, for the visitor or the staff', () => {
    for (const [path, text] of texts(enStaff))
      expect(text, path).not.toMatch(/\bAPI\b|\bkeys?\b|endpoint|parameter|token|proxy/i);
  });

  it('never tell a visitor to wait out a form that its owner has to fix', () => {
    for (const key of ['400', '401', '403', '100301', '100302', '100305', '100315', '100316']) {
      const { title, description, title_write, description_write } = errorTexts(key);
      for (const text of [title, description, title_write, description_write].filter(Boolean))
        expect(text, key).not.toMatch(/right now|temporar|at the moment|try again|later|\bwait/i);
    }
  });

  it('keep a button short: no explanation in brackets or after a dash, 30 characters at most', () => {
    for (const [name, label] of Object.entries(enStaff.actions)) {
      expect(label, name).not.toMatch(/[()—:;]/);
      expect(label.length, name).toBeLessThanOrEqual(30);
    }
  });

  it('write headlines and buttons in sentence case', () => {
    const NAMES = ['QR', 'Wi-Fi', 'HTTP'];
    const titles = texts(enStaff).filter(([path]) => /^errors\.[^.]+\.title/.test(path));
    for (const [path, text] of [
      ...titles,
      ...texts(enStaff).filter(([path]) => path.startsWith('actions.')),
    ]) {
      const [first = '', ...rest] = text.split(' ');
      expect(first, path).toMatch(/^[A-Z]/);
      for (const word of rest) if (!NAMES.includes(word)) expect(word, path).not.toMatch(/^[A-Z]/);
    }
  });

  it('never repeat a headline in its description', () => {
    for (const key of ERROR_KEYS) {
      const text = errorTexts(key);
      for (const variant of ['', '_write', '_staff', '_write_staff', '_idempotent']) {
        const description = text[`description${variant}` as keyof ErrorText];
        const title =
          text[`title${variant}` as keyof ErrorText] ??
          (variant.includes('write') || variant === '_idempotent' ? text.title_write : undefined) ??
          text.title;
        if (!description || !title) continue;
        expect(
          longestSharedRun(title, description),
          `${key}${variant}: ${title} / ${description}`,
        ).toBeLessThan(4);
        // A headline that says the outcome is unknown (502, a lost connection) is not said twice.
        if (/couldn’t confirm/.test(title))
          expect(description, `${key}${variant}`).not.toMatch(/confirm|can’t tell|whether/);
      }
    }
  });

  it('tell a person what is wrong with a marked field, and never to change a value that may be their own', () => {
    const { invalid, duplicate, duplicateValue } = en.fields;
    expect(invalid).not.toMatch(/check|valid/i);
    for (const message of [duplicate, duplicateValue]) {
      expect(message).not.toMatch(/different|another|change/i);
      expect(message).toMatch(/if that was you/i);
    }
    expect(errorTexts('100307').description).toMatch(/if you submitted this form/i);
  });

  it('leave the staff’s texts out of the visitor’s', () => {
    for (const [path] of texts(en)) expect(path).not.toMatch(/_staff$/);
    expect(texts(enStaff).filter(([path]) => path.endsWith('_staff')).length).toBeGreaterThan(40);
  });
});

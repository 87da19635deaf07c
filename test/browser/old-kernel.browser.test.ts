import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { ERROR_CATALOG, ERROR_KEYS, type ErrorKey } from '../../src/core/index.js';
import { zhStaff } from '../../src/i18n/index.js';
import {
  ApiErrorSummary,
  ApiErrorsProvider,
  ApiErrorView,
  ApiFieldError,
  type FormField,
  useFieldErrors,
} from '../../src/react/index.js';
import stylesheet from '../../src/styles.css?raw';
import { errorForKey } from '../../src/testing/error-for-key.js';
import { backgroundBehind, contrast, luminance } from '../support/contrast.js';
import { asKernelReadsIt, CHROME_78, CHROME_88, type OldKernel } from '../support/old-kernel-stylesheet.js';

// The real stylesheet as an in-app browser on an older engine reads it: what it cannot parse is gone.

const NAME = 71234567890101;
const PHONE = 71234567890102;
const FIELDS = [
  { field_id: NAME, field_title: '姓名', settings: { is_required: 1, is_unique: 0 } },
  { field_id: PHONE, field_title: '手机号', settings: { is_required: 1, is_unique: 1 } },
] satisfies FormField[];

/** A form after a submission the API refused on 姓名: the summary, the marked field and an unmarked one. */
function MarkedForm() {
  const fieldErrors = useFieldErrors(errorForKey('100308'), { fields: FIELDS, invalidFieldIds: [NAME] });
  return h(
    'form',
    null,
    h(ApiErrorSummary, { fieldErrors }),
    ...FIELDS.map((field) =>
      h(
        'div',
        { key: field.field_id, className: 'cae-field' },
        h('label', { htmlFor: `cae-field-${field.field_id}` }, field.field_title),
        h(ApiFieldError, { fieldErrors, fieldId: field.field_id }),
        h('input', { className: 'cae-input', ...fieldErrors.fieldProps(field.field_id) }),
      ),
    ),
    h('button', { type: 'submit', className: 'cae-button cae-button--primary' }, '提交'),
  );
}

/** One error of each tone the catalog uses, and the 429 with its countdown. */
const keyOfEachTone = [...new Map(ERROR_KEYS.map((key) => [ERROR_CATALOG[key].tone, key])).values()];
const views = (): ReactElement[] => [
  ...keyOfEachTone.flatMap((key: ErrorKey) => [
    h(ApiErrorView, { key: `${key}-inline`, error: errorForKey(key), variant: 'inline', onRetry: () => {} }),
    h(ApiErrorView, { key: `${key}-page`, error: errorForKey(key), variant: 'page' }),
  ]),
  h(ApiErrorView, {
    key: 'countdown',
    error: errorForKey('429', { retryAfterMs: 60_000 }),
    onRetry: () => {},
  }),
  h(MarkedForm, { key: 'form' }),
];

/** Host pages: the browser's default, and a dark one of its own that did not opt in to our dark theme. */
const HOST_PAGES = {
  default: { background: '', color: '' },
  'dark, not opted in': { background: '#111111', color: '#f0f0f0' },
};

let root: Root;
let host: HTMLElement;
const style = document.createElement('style');

beforeAll(() => document.head.append(style));
afterAll(() => style.remove());

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  root.unmount();
  host.remove();
  Object.assign(document.body.style, { background: '', color: '' });
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.style.colorScheme = '';
  await prefersDark(false);
});

const prefersDark = (dark: boolean) =>
  cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }],
  });

async function renderViews() {
  root.render(h(ApiErrorsProvider, { languages: { zh: zhStaff }, language: 'zh' }, ...views()));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(host.querySelectorAll('.cae-error').length).toBe(keyOfEachTone.length * 2 + 1);
}

/** Every visible element of ours that holds text itself, but not a disabled control (WCAG exempts it). */
function textsOfOurs(): HTMLElement[] {
  return [...host.querySelectorAll<HTMLElement>('[class*="cae-"], [class*="cae-"] *')].filter(
    (element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) &&
      !element.closest('.cae-visually-hidden, [aria-disabled="true"], :disabled') &&
      element.closest('[class*="cae-"]:not(.cae-field)') !== null,
  );
}

/** Each text below 4.5:1 against what is drawn behind it, described. */
function lowContrastTexts() {
  return textsOfOurs().flatMap((element) => {
    const { color } = getComputedStyle(element);
    const ratio = contrast(color, backgroundBehind(element));
    return ratio < 4.5
      ? [
          `${element.className || element.tagName} "${element.textContent?.slice(0, 20)}": ${color} on ${backgroundBehind(element)} = ${ratio.toFixed(2)}`,
        ]
      : [];
  });
}

describe.each([CHROME_78, CHROME_88])('$name', (kernel: OldKernel) => {
  beforeAll(() => {
    style.textContent = asKernelReadsIt(stylesheet, kernel);
  });

  it.each(Object.entries(HOST_PAGES))(
    'paints its own surface, every text at least 4.5:1 against its background, on a %s page',
    async (_, page) => {
      Object.assign(document.body.style, page);
      await renderViews();
      expect(textsOfOurs().length).toBeGreaterThan(20);
      const boxes = [...host.querySelectorAll('.cae-error, .cae-summary, .cae-field-error')];
      const unpainted = boxes.filter((box) => getComputedStyle(box).backgroundColor === 'rgba(0, 0, 0, 0)');
      expect(unpainted.map((box) => box.className)).toEqual([]);
      expect(lowContrastTexts()).toEqual([]);
    },
  );

  it('marks a field by more than its message: a thicker border, in a colour that stands out', async () => {
    await renderViews();
    const [marked, unmarked] = [...host.querySelectorAll('.cae-input')].map((input) =>
      getComputedStyle(input),
    ) as [CSSStyleDeclaration, CSSStyleDeclaration];
    const input = host.querySelector('.cae-input') as HTMLElement;
    expect(host.querySelector('.cae-input')?.getAttribute('aria-invalid')).toBe('true');
    expect(unmarked.borderTopStyle).toBe('solid');
    expect(Number.parseFloat(marked.borderTopWidth)).toBeGreaterThan(
      Number.parseFloat(unmarked.borderTopWidth),
    );
    expect(marked.borderTopColor).not.toBe(unmarked.borderTopColor);
    expect(contrast(marked.borderTopColor, backgroundBehind(input))).toBeGreaterThanOrEqual(3);
    expect(host.querySelector('.cae-field-error svg')).not.toBeNull();
  });

  it.each([
    ['the host’s color-scheme', () => (document.documentElement.style.colorScheme = 'light dark')],
    ['data-theme="dark"', () => (document.documentElement.dataset.theme = 'dark')],
  ])(
    'with the dark theme opted in by %s, is wholly dark or wholly light, every text readable',
    async (_, optIn) => {
      await prefersDark(true);
      optIn();
      // The host's own dark page, as a page that opts in has.
      Object.assign(document.body.style, HOST_PAGES['dark, not opted in']);
      await renderViews();
      const boxes = host.querySelectorAll(
        '.cae-error, .cae-summary, .cae-field-error, .cae-input, .cae-button:not(.cae-button--primary)',
      );
      const surfaces = new Set([...boxes].map((box) => luminance(backgroundBehind(box)) > 0.4));
      expect(surfaces.size, `${surfaces.has(true) ? 'light' : ''} ${surfaces.has(false) ? 'dark' : ''}`).toBe(
        1,
      );
      expect(lowContrastTexts()).toEqual([]);
    },
  );
});

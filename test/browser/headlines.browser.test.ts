import { createElement as h, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_KEYS, type ErrorKey } from '../../src/core/index.js';
import { en } from '../../src/i18n/en.js';
import type { ApiErrorsLanguage } from '../../src/i18n/instance.js';
import type { ApiErrorsResource } from '../../src/i18n/resource.js';
import { zh } from '../../src/i18n/zh.js';
import { zhHant } from '../../src/i18n/zh-hant.js';
import {
  ApiErrorSummary,
  ApiErrorsProvider,
  ApiErrorView,
  type ApiErrorViewProps,
  useFieldErrors,
} from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/error-for-key.js';
import '../../src/styles.css';

// Every headline a visitor can read, in the real stylesheet at a phone's width: at most two lines,
// and a line ends only where the text lets it (a comma, a space), never inside a Chinese word.
// The layout is the example form's: a 390 px page whose card keeps 20 px each side.

const PHONE_WIDTH = 390;
const CARD_PADDING = 20;
const VISITOR_TEXTS: [ApiErrorsLanguage, ApiErrorsResource][] = [
  ['zh', zh],
  ['zh-Hant', zhHant],
  ['en', en],
];
const KEYS = ERROR_KEYS.filter((key) => key !== '0');
const VARIANTS: ApiErrorViewProps['variant'][] = ['page', 'result', 'inline'];
// A line may end after a space or punctuation, or before an opening bracket or quote.
const ENDS_A_LINE = /[\s，。、；：！？）」』”’,.;:!?)\-–—]/;
const OPENS_A_LINE = /[\s（「『“‘(]/;

let root: Root;
let card: HTMLElement;

beforeAll(() => {
  document.body.style.margin = '0';
  card = document.createElement('main');
  card.style.cssText = `box-sizing: border-box; width: ${PHONE_WIDTH}px; padding: 0 ${CARD_PADDING}px;`;
  document.body.append(card);
  root = createRoot(card);
});

afterAll(() => {
  root.unmount();
  card.remove();
});

function renderIn(language: ApiErrorsLanguage, texts: ApiErrorsResource, element: ReactElement) {
  card.lang = language;
  flushSync(() => root.render(h(ApiErrorsProvider, { languages: { [language]: texts }, language }, element)));
}

/** Each line of `element`'s text as laid out: the characters whose boxes share a top. */
function lines(element: Element): string[] {
  const found: { top: number; text: string }[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let index = 0; index < text.length; index++) {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const box = [...range.getClientRects()].find((rect) => rect.width > 0);
      const last = found.at(-1);
      // A space a line ends at has no box of its own: it stays with the line before.
      if (last && (!box || Math.abs(box.top - last.top) < box.height / 2)) last.text += text[index];
      else if (box) found.push({ top: box.top, text: text[index] as string });
    }
  }
  return found.map((line) => line.text);
}

/** What is wrong with a headline's layout, or nothing. */
function layoutProblem(title: Element): string | undefined {
  const laidOut = lines(title);
  if (laidOut.length > 2) return `${laidOut.length} lines: ${laidOut.join(' / ')}`;
  for (let index = 1; index < laidOut.length; index++) {
    const before = laidOut[index - 1]?.at(-1) ?? '';
    const after = laidOut[index]?.at(0) ?? '';
    if (!ENDS_A_LINE.test(before) && !OPENS_A_LINE.test(after))
      return `breaks inside a word: ${laidOut.join(' / ')}`;
  }
  return undefined;
}

function Summary({ count }: { count: number }) {
  const fieldIds = Array.from({ length: count }, (_, index) => index + 1);
  const fieldErrors = useFieldErrors(errorForKey('100308'), { fieldIds, invalidFieldIds: fieldIds });
  return h(ApiErrorSummary, { fieldErrors });
}

describe.each(VISITOR_TEXTS)('%s headlines at 390 px', (language, texts) => {
  it.each(VARIANTS)('fit two lines and break only between words, as a %s view', (variant) => {
    const problems: string[] = [];
    const shown = new Set<string>();
    for (const key of KEYS) {
      for (const write of [false, true]) {
        renderIn(language, texts, h(ApiErrorView, { error: errorForKey(key as ErrorKey), variant, write }));
        const title = card.querySelector('.cae-error__title');
        if (!title) throw new Error(`${key}: no headline`);
        shown.add(title.textContent ?? '');
        const problem = layoutProblem(title);
        if (problem) problems.push(`${key}${write ? ' (write)' : ''}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // Every visitor headline of the texts was among those measured.
    const headlines = KEYS.flatMap((key) => [texts.errors[key].title, texts.errors[key].title_write]);
    expect(headlines.filter((headline) => headline && !shown.has(headline))).toEqual([]);
  });

  it('fit the error summary’s title in two lines, with a two-digit count', () => {
    renderIn(language, texts, h(Summary, { count: 12 }));
    const title = card.querySelector('.cae-summary__title');
    expect(title?.textContent).toMatch(/12/);
    expect(layoutProblem(title as Element)).toBeUndefined();
  });
});

it('finds a break inside a word, and a third line (the check can fail)', () => {
  renderIn(
    'zh',
    zh,
    h('h2', { className: 'cae-error__title', style: { width: '5em' } }, '核销前请先完善身份信息'),
  );
  const word = card.querySelector('h2') as Element;
  expect(layoutProblem(word)).toMatch(/^(breaks inside a word|3 lines)/);
  renderIn(
    'zh',
    zh,
    h('h2', { className: 'cae-error__title', style: { width: '6em' } }, '网络中断，无法确认，是否已提交'),
  );
  expect(layoutProblem(card.querySelector('h2') as Element)).toMatch(/^3 lines/);
});

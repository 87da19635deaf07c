import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createApiClient } from '../../src/client/index.js';
import { enStaff, zhStaff } from '../../src/i18n/index.js';
import {
  ApiClientProvider,
  ApiErrorsProvider,
  DraftResumePrompt,
  PendingSubmission,
} from '../../src/react/index.js';
import type { ProxyPreset } from '../../src/server/index.js';
import type { Fault } from '../../src/testing/index.js';
import { CertificateVerificationPage } from '../../stories/examples/CertificateVerificationPage.js';
import { FormSubmissionPage } from '../../stories/examples/FormSubmissionPage.js';
import { PAGE_TEXTS, WORLD } from '../../stories/examples/page-texts.js';
import { simulatedApi } from '../../stories/examples/story-simulator.js';
import '../../src/styles.css';

// The example pages in Chromium, after the errors that put the most on a phone's screen: every
// control big enough to hit, one primary action, and nothing that scrolls sideways at 320 px or
// at 200 % text size.

type Locale = 'zh' | 'en';

/** The provider's texts in `locale`, the staff's (the desk's) included. */
const textsIn = (locale: Locale) => ({
  languages: { [locale]: locale === 'zh' ? zhStaff : enStaff },
  language: locale,
});

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  root.unmount();
  host.remove();
  document.documentElement.style.fontSize = '';
  await page.viewport(390, 844);
});

const settled = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Waits for `found` to return an element (the page talks to its simulator through the real proxy). */
async function waitFor<T>(found: () => T | null | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = found();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`never appeared: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Renders `page` with a client whose calls go through the real proxy to a fresh simulator. */
function renderWithApi(
  locale: Locale,
  element: (api: ReturnType<typeof simulatedApi>) => ReactElement,
  { keyed = true, allow = 'form' }: { keyed?: boolean; allow?: ProxyPreset } = {},
) {
  const api = simulatedApi(locale, allow);
  const client = createApiClient({
    baseUrl: '/caoliao',
    idempotencyKeys: keyed,
    fetch: (url, init) => api.proxy(new Request(new URL(url, location.href), init)),
  });
  root.render(
    h(
      QueryClientProvider,
      { client: new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } }) },
      h(ApiClientProvider, { client }, h(ApiErrorsProvider, textsIn(locale), element(api))),
    ),
  );
  return api;
}

const button = (name: string) =>
  [...host.querySelectorAll<HTMLButtonElement>('button')].find((each) => each.textContent === name);

/** The form page, submitted once against `fault`, settled on what the fault shows. */
async function formAfter(locale: Locale, fault: Fault, shows: string, keyed = true) {
  const texts = PAGE_TEXTS[locale];
  renderWithApi(
    locale,
    (api) => {
      api.simulator.inject(fault);
      return h(FormSubmissionPage, { tplId: 7001, codeId: 8001, texts });
    },
    { keyed },
  );
  (await waitFor(() => button(texts.submit), 'the form')).click();
  await waitFor(() => host.querySelector(shows), shows);
}

/** The desk, verifying once against `fault`. */
async function deskAfter(locale: Locale, fault: Fault, shows: string) {
  const texts = PAGE_TEXTS[locale];
  renderWithApi(
    locale,
    (api) => {
      api.simulator.inject(fault);
      return h(CertificateVerificationPage, {
        texts,
        world: WORLD[locale],
        completeIdentity: async () => true,
      });
    },
    { allow: 'desk' },
  );
  (await waitFor(() => button(texts.verify), 'the desk')).click();
  await waitFor(() => host.querySelector(shows), shows);
}

/** A prompt that stands in for an error (a submission kept offline, a draft to resume), alone. */
function prompt(locale: Locale, element: ReactElement) {
  root.render(h(ApiErrorsProvider, textsIn(locale), element));
  return waitFor(() => host.querySelector('.cae-draft button'), 'the prompt');
}

const savedAt = Date.now() - 120_000;

const SCREENS: Record<string, (locale: Locale) => Promise<unknown>> = {
  'the form after a 502 (a proxy that remembers keys)': (locale) =>
    formAfter(locale, { endpoint: 'addRecord', status: 502, html: true }, '.cae-error'),
  'the form after a 502 (no key: a resend may store twice)': (locale) =>
    formAfter(locale, { endpoint: 'addRecord', status: 502, html: true }, '.cae-error', false),
  'the form while a 429 counts down': (locale) =>
    formAfter(locale, { endpoint: 'addRecord', code: 429, retryAfter: '60' }, '[role="timer"]'),
  'the form with a field to fill in': (locale) =>
    formAfter(
      locale,
      { endpoint: 'addRecord', errorCode: 100308, detail: 'required: 71234567890101' },
      '.cae-summary',
    ),
  'the form a closed form replaced': (locale) =>
    formAfter(locale, { endpoint: 'addRecord', errorCode: 100313 }, '.cae-error--result'),
  'the desk after a ticket used before': (locale) =>
    deskAfter(locale, { endpoint: 'verifyCertificate', errorCode: 100324 }, '.cae-error'),
  'the desk while a 429 counts down': (locale) =>
    deskAfter(locale, { endpoint: 'verifyCertificate', code: 429, retryAfter: '60' }, '[role="timer"]'),
  'a submission kept until the connection returns': (locale) =>
    prompt(locale, h(PendingSubmission, { savedAt, sending: false, onSendNow: () => {} })),
  'a draft to resume': (locale) =>
    prompt(locale, h(DraftResumePrompt, { savedAt, onResume: () => {}, onDiscard: () => {} })),
};

const visible = (element: Element) => {
  const { width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0 && getComputedStyle(element).visibility !== 'hidden';
};

/** Every control a person can tap, with its size. */
function controls() {
  return [...host.querySelectorAll('button, a[href], input, select, textarea, summary')]
    .filter(visible)
    .map((element) => {
      const { width, height } = element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`;
      return { element, name, width: Math.round(width), height: Math.round(height) };
    });
}

/** The primary buttons that can be pressed now. */
const leading = () =>
  [...host.querySelectorAll('.cae-button--primary:not([aria-disabled="true"]):not(:disabled)')].filter(
    visible,
  );

/** What the person acts on next: the one primary action, else the form's own submit. */
const primaryAction = () =>
  leading()[0] ?? host.querySelector('.demo-submit') ?? host.querySelector('.cae-draft .cae-button');

describe.each(['zh', 'en'] as const)('in %s, at 390 px', (locale) => {
  it.each(Object.keys(SCREENS))(
    '%s: every control at least 44 × 44 px (a disclosure 24 px tall)',
    async (screen) => {
      await page.viewport(390, 844);
      await SCREENS[screen]?.(locale);
      await settled();
      const small = controls().filter(({ element, width, height }) => {
        // A disclosure and a link in running text need 24 px (WCAG 2.5.8); a button, a field or a
        // link that looks like one 44 (Apple's 44 pt).
        const button =
          !['SUMMARY', 'A'].includes(element.tagName) || element.classList.contains('cae-button');
        return button ? width < 44 || height < 44 : height < 24;
      });
      expect(small.map(({ name, width, height }) => `${name}: ${width} × ${height}`)).toEqual([]);
    },
  );

  it.each(Object.keys(SCREENS))('%s: at most one primary action', async (screen) => {
    await page.viewport(390, 844);
    await SCREENS[screen]?.(locale);
    await settled();
    const names = leading().map((element) => element.textContent);
    expect(names.length, names.join(' | ')).toBeLessThanOrEqual(1);
  });

  it('the form after a 502 (a proxy that remembers keys): the error’s resend leads, the form’s submit steps back', async () => {
    await page.viewport(390, 844);
    await SCREENS['the form after a 502 (a proxy that remembers keys)']?.(locale);
    await waitFor(() => host.querySelector('.cae-error .cae-button--primary'), 'the resend');
    expect(leading()).toEqual([host.querySelector('.cae-error .cae-button--primary')]);
    expect(host.querySelector('.demo-submit')).not.toHaveClass('cae-button--primary');
  });
});

describe.each(['zh', 'en'] as const)('in %s, reflow', (locale) => {
  const SIZES = [
    { width: 320, rootFontSize: '' },
    { width: 390, rootFontSize: '32px' },
    { width: 320, rootFontSize: '32px' },
  ];
  it.each(Object.keys(SCREENS))(
    '%s: nothing scrolls sideways at 320 px and at 200 % text, the primary action in view',
    async (screen) => {
      const problems: string[] = [];
      await SCREENS[screen]?.(locale);
      for (const { width, rootFontSize } of SIZES) {
        document.documentElement.style.fontSize = rootFontSize;
        await page.viewport(width, 640);
        await settled();
        const size = `${width} px${rootFontSize ? `, root ${rootFontSize}` : ''}`;
        const scrollWidth = document.documentElement.scrollWidth;
        if (scrollWidth > width) problems.push(`${size}: the page is ${scrollWidth} px wide`);
        for (const { name, element } of controls()) {
          const { left, right } = element.getBoundingClientRect();
          if (left < 0 || right > width) problems.push(`${size}: ${name} spans ${left}–${right}`);
        }
        const action = primaryAction();
        if (!action) problems.push(`${size}: no primary action`);
        else {
          action.scrollIntoView({ block: 'center' });
          const { left, top, width: w, height } = action.getBoundingClientRect();
          const hit = document.elementFromPoint(left + w / 2, top + height / 2);
          if (!hit || !action.contains(hit))
            problems.push(`${size}: the primary action is covered or out of view`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

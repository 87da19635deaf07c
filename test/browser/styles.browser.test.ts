import axe from 'axe-core';
import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { ApiError } from '../../src/core/index.js';
import { zhStaff } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import stylesheet from '../../src/styles.css?raw';
import { errorForKey } from '../../src/testing/error-for-key.js';
import examplesStylesheet from '../../stories/examples/examples.css?raw';
import { backgroundBehind, channels, contrast, luminance } from '../support/contrast.js';
import '../../src/styles.css';

// The real stylesheet in Chromium: what a person sees on a host page that knows nothing of us.

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(async () => {
  root.unmount();
  host.remove();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.style.colorScheme = '';
  document.documentElement.style.fontSize = '';
  await prefersDark(false);
});

async function render(element: ReactElement) {
  root.render(h(ApiErrorsProvider, { languages: { zh: zhStaff }, language: 'zh' }, element));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const prefersDark = (dark: boolean) =>
  cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }],
  });

const view = () => host.querySelector('.cae-error') as HTMLElement;
const styleOf = (element: Element) => getComputedStyle(element);

async function axeViolations() {
  const { violations } = await axe.run(host, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
  return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('colour schemes', () => {
  it('stays light on a light host page when the system prefers dark (the host did not opt in)', async () => {
    await prefersDark(true);
    await render(h(ApiErrorView, { error: errorForKey('502'), variant: 'page' }));
    const { color, backgroundColor } = styleOf(view());
    expect(luminance(backgroundColor)).toBeGreaterThan(0.9);
    expect(contrast(color, backgroundColor)).toBeGreaterThan(4.5);
    expect(await axeViolations()).toEqual([]);
  });

  it('goes dark when the host opts in with its own color-scheme, and with a theme attribute', async () => {
    await prefersDark(true);
    document.documentElement.style.colorScheme = 'light dark';
    await render(h(ApiErrorView, { error: errorForKey('100320') }));
    const inline = styleOf(view());
    expect(luminance(inline.backgroundColor)).toBeLessThan(0.05);
    expect(contrast(inline.color, inline.backgroundColor)).toBeGreaterThan(4.5);
    expect(await axeViolations()).toEqual([]);

    await prefersDark(false);
    document.documentElement.style.colorScheme = '';
    document.documentElement.dataset.theme = 'dark';
    await render(h(ApiErrorView, { error: errorForKey('100320') }));
    expect(luminance(styleOf(view()).backgroundColor)).toBeLessThan(0.05);
  });

  it('paints its own background, so its text keeps its contrast on a dark page that did not opt in', async () => {
    document.body.style.background = '#111111';
    try {
      await render(h(ApiErrorView, { error: errorForKey('100313'), write: true }));
      const { color, backgroundColor } = styleOf(view());
      expect(contrast(color, backgroundColor)).toBeGreaterThan(4.5);
      const description = styleOf(view().querySelector('.cae-error__description') as Element);
      expect(contrast(description.color, backgroundColor)).toBeGreaterThan(4.5);
    } finally {
      document.body.style.background = '';
    }
  });

  it.each(['100324', '100328', '100313', '100320', '429'] as const)(
    'tone %s meets contrast in light and dark',
    async (key) => {
      for (const theme of ['light', 'dark']) {
        document.documentElement.dataset.theme = theme;
        await render(h(ApiErrorView, { error: errorForKey(key), variant: 'inline', onRetry: () => {} }));
        expect(await axeViolations(), `${key} ${theme}`).toEqual([]);
      }
    },
  );
});

describe('a ticket used twice', () => {
  it('never looks like success: 100324 is boxed in amber, not the green of a verified one, in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      document.documentElement.dataset.theme = theme;
      await render(h(ApiErrorView, { error: errorForKey('100324'), write: true, audience: 'staff' }));
      const used = styleOf(view());
      const icon = styleOf(view().querySelector('.cae-error__icon') as Element);
      host.insertAdjacentHTML(
        'beforeend',
        '<div class="cae-error cae-tone--done"><b class="cae-error__icon"></b></div>',
      );
      const success = styleOf(host.querySelector('.cae-tone--done .cae-error__icon') as Element).color;
      expect(icon.color, theme).not.toBe(success);
      // Amber: red well above blue, green between (hue 30–50°).
      const [r = 0, g = 0, b = 0] = channels(icon.color);
      expect(
        r > g && g > b && (g - b) / (r - b) > 0.5 && (g - b) / (r - b) < 0.85,
        `${theme} ${icon.color}`,
      ).toBe(true);
      // The box is drawn in that colour all round, so it reads from across a desk.
      expect(used.borderTopColor).toBe(icon.color);
      expect(Number.parseFloat(used.borderTopWidth)).toBeGreaterThanOrEqual(2);
      expect(contrast(icon.color, used.backgroundColor), theme).toBeGreaterThanOrEqual(3);
      expect(await axeViolations(), theme).toEqual([]);
      host.querySelector('.cae-tone--done')?.remove();
    }
  });
});

describe('the host’s own elements', () => {
  it('styles a host button and input outside any error view, with a visible keyboard focus ring', async () => {
    host.innerHTML = `
      <div class="cae-field"><label for="n">Name</label>
        <input id="n" class="cae-input" aria-invalid="true"></div>
      <button type="submit" class="cae-button cae-button--primary">提交</button>`;
    const input = host.querySelector('input') as HTMLInputElement;
    const button = host.querySelector('button') as HTMLButtonElement;
    const field = host.querySelector('.cae-field') as HTMLElement;

    expect(styleOf(button).backgroundColor).toBe('rgb(11, 98, 214)');
    expect(contrast(styleOf(button).color, styleOf(button).backgroundColor)).toBeGreaterThan(4.5);
    expect(Number.parseFloat(styleOf(button).minHeight)).toBeGreaterThanOrEqual(44);
    // A marked field: a thicker border and a bar beside it (the message adds an icon and words).
    expect(styleOf(input).borderTopWidth).toBe('2px');
    expect(styleOf(input).borderTopColor).toBe('rgb(188, 76, 0)');
    expect(styleOf(field).borderLeftWidth).toBe('4px');
    expect(Number.parseFloat(styleOf(input).fontSize)).toBeGreaterThanOrEqual(16);

    await userEvent.keyboard('{Tab}');
    expect(input).toHaveFocus();
    expect(styleOf(input).outlineStyle).toBe('solid');
    await userEvent.keyboard('{Tab}');
    expect(button).toHaveFocus();
    expect(styleOf(button).outlineStyle).toBe('solid');
    expect(Number.parseFloat(styleOf(button).outlineWidth)).toBeGreaterThanOrEqual(2);
  });

  it('takes the host’s tokens from any ancestor, with our defaults where it sets none', async () => {
    host.style.setProperty('--cae-color-accent', 'rgb(230, 0, 18)');
    host.innerHTML = '<button class="cae-button cae-button--primary">提交</button>';
    expect(styleOf(host.querySelector('button') as Element).backgroundColor).toBe('rgb(230, 0, 18)');
    expect(styleOf(host.querySelector('button') as Element).borderRadius).toBe('8px');
  });
});

describe('typography', () => {
  it('sets body text left-aligned, at least 16 px, wrapped with care, the reference unbroken', async () => {
    await render(h(ApiErrorView, { error: errorForKey('100300'), variant: 'page' }));
    const description = styleOf(view().querySelector('.cae-error__description') as Element);
    expect(description.textAlign).toMatch(/start|left/);
    expect(Number.parseFloat(description.fontSize)).toBeGreaterThanOrEqual(16);
    expect(description.textWrap).toContain('pretty');
    expect(view().querySelector('.cae-error__reference')?.textContent).toMatch(/^问题编号：/);
  });

  it.each([
    ['a UUID, whole on one line at 390 px', crypto.randomUUID(), 390],
    ['a UUID at 320 px', crypto.randomUUID(), 320],
    ['a 128-character id at 390 px', 'r'.repeat(128), 390],
  ])('shows the reference within the phone’s width: %s', async (name, requestId, width) => {
    host.style.width = `${width}px`;
    const error = new ApiError({ kind: 'api', code: 400, errorCode: 100300, requestId });
    await render(h(ApiErrorView, { error, variant: 'page' }));
    const code = view().querySelector('.cae-error__code') as HTMLElement;
    expect(code.textContent).toBe(requestId);
    expect(code.getBoundingClientRect().right).toBeLessThanOrEqual(host.getBoundingClientRect().right);
    expect(view().scrollWidth).toBeLessThanOrEqual(view().clientWidth);
    if (name.includes('whole')) {
      // One line: at a line-height up to 1.2, two lines would be 2.4 × the font size.
      expect(code.offsetHeight).toBeLessThan(2.4 * Number.parseFloat(styleOf(code).fontSize));
    }
  });
});

describe('the text size the person chose', () => {
  it('follows the browser’s size (rem): at a 20 px root the views and the fields are 20 px', async () => {
    document.documentElement.style.fontSize = '20px';
    await render(h(ApiErrorView, { error: errorForKey('100300'), variant: 'page' }));
    const description = view().querySelector('.cae-error__description') as Element;
    expect(styleOf(description).fontSize).toBe('20px');
    host.insertAdjacentHTML('beforeend', '<input class="cae-input" aria-label="name">');
    expect(styleOf(host.querySelector('input') as Element).fontSize).toBe('20px');
  });

  it('keeps a field at 16 px under a smaller root, so that a phone does not zoom into it', () => {
    document.documentElement.style.fontSize = '12px';
    host.innerHTML = '<input class="cae-input" aria-label="name">';
    expect(styleOf(host.querySelector('input') as Element).fontSize).toBe('16px');
  });

  it('never blocks the size WeChat’s or the phone’s setting asks for (no text-size-adjust: none)', () => {
    for (const sheet of [stylesheet, examplesStylesheet])
      expect(sheet).not.toMatch(/text-size-adjust\s*:\s*none/i);
  });
});

/** A ring's colour as drawn: faded with the opacity of its element and of every ancestor. */
function drawnRing(element: Element): string {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement)
    opacity *= Number(styleOf(node).opacity);
  const [r, g, b] = channels(styleOf(element).outlineColor);
  const [br, bg, bb] = channels(backgroundBehind(element.parentElement as Element));
  const mix = (ring: number, behind: number) => Math.round((ring * opacity + behind * (1 - opacity)) * 255);
  return `rgb(${mix(r, br)}, ${mix(g, bg)}, ${mix(b, bb)})`;
}

describe('focus on a button that cannot be pressed yet', () => {
  it.each(['light', 'dark'])(
    'keeps a ring of at least 3:1 and a readable label (%s): the host’s own, and the 429’s resend',
    async (theme) => {
      if (theme === 'dark') document.documentElement.dataset.theme = 'dark';
      await render(
        h(ApiErrorView, {
          error: errorForKey('429', { retryAfterMs: 60_000 }),
          write: true,
          onRetry: () => {},
        }),
      );
      host.insertAdjacentHTML(
        'beforeend',
        '<button type="submit" class="cae-button cae-button--primary" aria-disabled="true">60 秒后可以重新提交</button>',
      );
      const resend = view().querySelector('.cae-button') as HTMLElement;
      const submit = host.querySelector(':scope > button') as HTMLElement;
      expect(resend).toHaveAttribute('aria-disabled', 'true');
      for (const button of [resend, submit]) {
        await userEvent.keyboard('{Tab}');
        while (document.activeElement !== button) await userEvent.keyboard('{Tab}');
        const behind = backgroundBehind(button.parentElement as Element);
        expect(styleOf(button).outlineStyle).toBe('solid');
        expect(contrast(drawnRing(button), behind)).toBeGreaterThanOrEqual(3);
        expect(contrast(styleOf(button).color, backgroundBehind(button))).toBeGreaterThanOrEqual(4.5);
      }
    },
  );
});

import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CATALOG, ERROR_KEYS } from '../../src/core/index.js';
import { en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

afterEach(() => window.history.replaceState(null, '', '/'));

/** The actions a person can use now: enabled buttons and links that lead somewhere. */
const usable = (view: HTMLElement) => [
  ...within(view)
    .queryAllByRole('button')
    .filter((button) => button.getAttribute('aria-disabled') !== 'true' && !button.closest('details')),
  ...within(view)
    .queryAllByRole('link')
    .filter((link) => link.getAttribute('href')),
];

describe('with no handler and no provider settings, every view has a way forward', () => {
  const keys = ERROR_KEYS.filter((key) => key !== '0');
  it.each(keys)('%s', (key) => {
    for (const variant of ['page', 'result', 'inline'] as const) {
      for (const write of [false, true]) {
        const { container, unmount } = renderIn(
          'zh',
          <ApiErrorView error={errorFor(key, { retryAfterMs: 3000 })} variant={variant} write={write} />,
        );
        const view = container.querySelector('.cae-error') as HTMLElement;
        expect(usable(view).length, `${key} ${variant} ${write ? 'write' : 'read'}`).toBeGreaterThan(0);
        unmount();
      }
    }
  });
});

describe('the built-in fallbacks', () => {
  it('reload the page for a page view without onRetry', () => {
    renderIn('en', <ApiErrorView error={errorFor('502')} />);
    expect(screen.getByRole('button', { name: en.actions['reload-page'] })).toBeInTheDocument();
  });

  it('go back only when there is a page to go back to, else home, else nowhere', async () => {
    const { unmount } = renderIn('zh', <ApiErrorView error={errorFor('404')} />);
    expect(window.history.length).toBe(1); // a page opened by scanning a QR code
    expect(screen.queryByRole('button', { name: zh.actions['go-back'] })).toBeNull();
    expect(screen.queryByRole('link', { name: zh.actions['go-home'] })).toBeNull();
    unmount();

    const home = renderIn('zh', <ApiErrorView error={errorFor('404')} />, { homeHref: '/events' });
    expect(screen.getByRole('link', { name: zh.actions['go-home'] })).toHaveAttribute('href', '/events');
    home.unmount();

    window.history.pushState(null, '', '/form');
    const back = vi.spyOn(window.history, 'back').mockImplementation(() => {});
    renderIn('zh', <ApiErrorView error={errorFor('404')} />, { homeHref: '/events' });
    await userEvent.click(screen.getByRole('button', { name: zh.actions['go-back'] }));
    expect(back).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('link', { name: zh.actions['go-home'] })).toBeNull();
  });

  it('reach the organizer through the provider’s contact, else copy the reference', async () => {
    const { unmount } = renderIn('zh', <ApiErrorView error={errorFor('401')} write />, {
      contactHref: 'tel:+864008123456',
    });
    expect(screen.getByRole('link', { name: zh.actions['contact-admin'] })).toHaveAttribute(
      'href',
      'tel:+864008123456',
    );
    unmount();

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = renderIn('zh', <ApiErrorView error={errorFor('401')} write />);
    const reference = container.querySelector('.cae-error__code')?.textContent;
    expect(reference).toMatch(/^401-/);
    await userEvent.click(screen.getByRole('button', { name: zh.actions['copy-reference'] }));
    expect(writeText).toHaveBeenCalledWith(reference);
    expect(screen.getByRole('button', { name: zh.ui.copied })).toBeInTheDocument();
  });

  it('never replace a handler the host gave', async () => {
    const onGoBack = vi.fn();
    renderIn('en', <ApiErrorView error={errorFor('404')} onGoBack={onGoBack} />, { homeHref: '/' });
    await userEvent.click(screen.getByRole('button', { name: en.actions['go-back'] }));
    expect(onGoBack).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('texts for their reader', () => {
  // What only the desk meets is written for the staff anyway.
  const VISITOR_KEYS = ERROR_KEYS.filter(
    (key) => key !== '0' && !(Number(key) >= 100317 && Number(key) <= 100329),
  );
  const JARGON = /API|key|Key|接口|参数|參數|密钥|HTTP|endpoint|parameter|token|\b\d{3,}\b/;

  it.each([
    ['zh', zh],
    ['zh-Hant', zhHant],
    ['en', en],
  ] as const)('never show a visitor API vocabulary or codes (%s)', (_, texts) => {
    for (const key of VISITOR_KEYS) {
      const { title, description, title_write, description_write } = texts.errors[key];
      for (const text of [title, description, title_write, description_write].filter(Boolean))
        expect(text, key).not.toMatch(JARGON);
    }
  });

  it('tell a visitor the form can’t be used and whom to ask; tell the staff what broke and how to fix it', () => {
    const { unmount } = renderIn('zh', <ApiErrorView error={errorFor('401')} write />);
    expect(screen.getByText(zh.errors[401].title_write as string)).toBeInTheDocument();
    expect(screen.getByText(/请联系活动组织方/)).toBeInTheDocument();
    unmount();
    renderIn(
      'zh',
      <ApiErrorView error={errorFor('401')} write audience="staff" onReauthenticate={() => {}} />,
    );
    expect(screen.getByText(zh.errors[401].title_staff as string)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zh.actions.reauthenticate })).toBeInTheDocument();
  });

  it('take the provider’s audience, and let a view say otherwise', () => {
    const { unmount } = renderIn('en', <ApiErrorView error={errorFor('403')} write />, { audience: 'staff' });
    expect(screen.getByText(en.errors[403].title_staff as string)).toBeInTheDocument();
    unmount();
    renderIn('en', <ApiErrorView error={errorFor('403')} write audience="public" />, { audience: 'staff' });
    expect(screen.getByText(en.errors[403].title)).toBeInTheDocument();
  });

  it('blame nobody for a wait, and say what happens next', () => {
    for (const texts of [zh, en]) {
      const { title, description, title_write, description_write } = texts.errors[429];
      for (const text of [title, description, title_write, description_write])
        expect(text).not.toMatch(/频繁|頻繁|过于|too many|too often|too fast|you\b/i);
    }
    expect(zh.ui.waitAuto_write).toBe('{{seconds}} 秒后自动为您提交');
  });

  it('say it when the built-in reload of an expired form loses the answers, and not with the host’s own', () => {
    const { unmount } = renderIn('zh', <ApiErrorView error={errorFor('100310')} write />);
    expect(screen.getByRole('button', { name: zh.actions['reload-page_100310'] })).toBeInTheDocument();
    unmount();
    renderIn('zh', <ApiErrorView error={errorFor('100310')} write onReload={() => {}} />);
    expect(screen.getByRole('button', { name: zh.actions.reload })).toBeInTheDocument();
  });

  it('name the choice a certificate error asks for', () => {
    renderIn('zh', <ApiErrorView error={errorFor('100326')} onChooseAnother={() => {}} />);
    expect(screen.getByRole('button', { name: '选择其他目标状态' })).toBeInTheDocument();
  });
});

describe('severity at a glance', () => {
  it.each(ERROR_KEYS.filter((key) => key !== '0'))(
    '%s shows its tone’s icon, hidden from screen readers',
    (key) => {
      const { container } = renderIn('en', <ApiErrorView error={errorFor(key)} variant="inline" />);
      const view = container.querySelector('.cae-error') as HTMLElement;
      const { tone } = ERROR_CATALOG[key];
      expect(view).toHaveClass(`cae-tone--${tone}`);
      const icon = view.querySelector('svg.cae-error__icon');
      expect(icon).toHaveAttribute('aria-hidden', 'true');
    },
  );

  it('tells “already verified” from “refused” from “fix it” from “wait”, in shape as well as colour', () => {
    const shapes = new Map<string, string>();
    for (const key of ['100324', '100328', '100320', '100322'] as const) {
      const { container, unmount } = renderIn('zh', <ApiErrorView error={errorFor(key)} />);
      shapes.set(ERROR_CATALOG[key].tone, container.querySelector('svg path')?.getAttribute('d') ?? '');
      unmount();
    }
    expect([...shapes.keys()].sort()).toEqual(['done', 'error', 'fix', 'wait']);
    expect(new Set(shapes.values()).size).toBe(4);
  });
});

describe('an inline live region', () => {
  it('is an alert for a write, a polite status for a read, and exists before the error', async () => {
    const { rerender } = renderIn('en', <ApiErrorView error={null} write />);
    const region = screen.getByRole('alert');
    expect(region).toBeEmptyDOMElement();
    await act(async () => rerender(<ApiErrorView error={errorFor('100310')} write />));
    expect(screen.getByRole('alert')).toBe(region);
  });
});

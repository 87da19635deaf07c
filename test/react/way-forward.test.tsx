import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CATALOG, ERROR_KEYS } from '../../src/core/index.js';
import { en, enStaff, zh, zhHant, zhStaff } from '../../src/i18n/index.js';
import { ApiErrorView, ErrorIcon } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

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
        // A normal state of a form (closed, full, paused) has nothing to do but leave: it says so.
        const ways = usable(view).length + (within(view).queryByText(zh.ui.canClose) ? 1 : 0);
        expect(ways, `${key} ${variant} ${write ? 'write' : 'read'}`).toBeGreaterThan(0);
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
    // A page that is gone, opened from a scan in a phone's browser: the page says it can be closed.
    expect(screen.getByText(zh.ui.canClose)).toBeVisible();
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

  it.each(['100311', '100312', '100313', '100314', '403'] as const)(
    'show a visitor no problem reference for a normal state of a form (%s), and say the page can be closed',
    (key) => {
      // Opened from a scan: nothing to go back to (an earlier test may have added history).
      vi.spyOn(window.history, 'length', 'get').mockReturnValue(1);
      const { container } = renderIn('zh', <ApiErrorView error={errorFor(key)} variant="result" write />);
      const view = container.querySelector('.cae-error') as HTMLElement;
      expect(within(view).queryByRole('button', { name: zh.actions['copy-reference'] })).toBeNull();
      expect(view.querySelector('.cae-error__reference')).toBeNull();
      expect(within(view).getByText(zh.ui.canClose)).toBeVisible();
    },
  );

  it('offer a closed form’s real ways out instead of the closing line', () => {
    window.history.pushState(null, '', '/form');
    const { container } = renderIn('zh', <ApiErrorView error={errorFor('100313')} variant="result" write />);
    expect(screen.getByRole('button', { name: zh.actions['go-back'] })).toBeInTheDocument();
    expect(within(container).queryByText(zh.ui.canClose)).toBeNull();
  });

  it('keep the reference for the staff, who report a read-only key to whoever set it up', () => {
    renderIn('zh', <ApiErrorView error={errorFor('403')} write audience="staff" />);
    expect(screen.getByRole('button', { name: zh.actions['copy-reference'] })).toBeInTheDocument();
    expect(screen.queryByText(zh.ui.canClose)).toBeNull();
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
    expect(screen.getByText(zh.errors[401].description_write as string)).toHaveTextContent(
      /请联系表单发布方/,
    );
    unmount();
    renderIn(
      'zh',
      <ApiErrorView error={errorFor('401')} write audience="staff" onReauthenticate={() => {}} />,
    );
    expect(screen.getByText(zhStaff.errors[401].title_staff as string)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: zh.actions.reauthenticate })).toBeInTheDocument();
  });

  it('take the provider’s audience, and let a view say otherwise', () => {
    const { unmount } = renderIn('en', <ApiErrorView error={errorFor('403')} write />, { audience: 'staff' });
    expect(screen.getByText(enStaff.errors[403].title_staff as string)).toBeInTheDocument();
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

  it('tells “already verified” from success, “refused”, “closed”, “fix it” and “wait”, in shape as well as colour', () => {
    // Success is the hosts' own screen, drawn with the `done` icon (the desk's "核销成功").
    const success = render(<ErrorIcon tone="done" />);
    const shapes = new Map([['done', success.container.querySelector('path')?.getAttribute('d')]]);
    success.unmount();
    for (const key of ['100324', '100328', '100313', '100320', '100322'] as const) {
      const { container, unmount } = renderIn('zh', <ApiErrorView error={errorFor(key)} />);
      expect(container.querySelector('.cae-error')).toHaveClass(`cae-tone--${ERROR_CATALOG[key].tone}`);
      shapes.set(ERROR_CATALOG[key].tone, container.querySelector('svg path')?.getAttribute('d'));
      unmount();
    }
    expect([...shapes.keys()].sort()).toEqual(['done', 'error', 'fix', 'neutral', 'wait', 'warning']);
    expect(new Set(shapes.values()).size).toBe(6);
  });

  it('says at the desk that a certificate used before was refused now, and leads to the next one', () => {
    renderIn(
      'zh',
      <ApiErrorView error={errorFor('100324')} write audience="staff" onEnterCertificateCode={() => {}} />,
    );
    const view = screen.getByRole('alert').querySelector('.cae-error') as HTMLElement;
    expect(view).toHaveClass('cae-tone--warning');
    expect(view).toHaveTextContent('这张凭证已经核销过');
    expect(view).toHaveTextContent('这次核销没有生效');
    expect(within(view).getByRole('button', { name: '核销下一张' })).toBeInTheDocument();
  });

  it('offers a verifier without permission what the text asks for, not a next certificate', () => {
    renderIn(
      'zh',
      <ApiErrorView error={errorFor('100328')} write audience="staff" onEnterCertificateCode={() => {}} />,
      {
        contactHref: 'tel:+864008123456',
      },
    );
    expect(screen.getByText(/请向管理员申请核销权限/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: zh.actions['contact-admin_staff'] })).toHaveAttribute(
      'href',
      'tel:+864008123456',
    );
    expect(screen.queryByRole('button', { name: '核销下一张' })).toBeNull();
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

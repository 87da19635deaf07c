import { act, fireEvent, screen, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorKey } from '../../src/core/index.js';
import { zh } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';
import { renderIn } from '../support/render.js';

/** User agents as these apps send them (Android and iOS), and a phone's own browser. */
const USER_AGENTS = {
  WeChat:
    'Mozilla/5.0 (Linux; Android 13; V2232A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110017 MMWEBSDK/20230805 MMWEBID/1234 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  WeCom:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.10 MicroMessenger/7.0.1 Language/zh ColorScheme/Light',
  Alipay:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.36.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.36.6000 Language/zh-Hans Region/CN',
  DingTalk:
    'Mozilla/5.0 (Linux; U; Android 12; zh-CN; PEDM00 Build/SKQ1.210216.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 AliApp(DingTalk/7.0.40) com.alibaba.android.rimet/33431226 Channel/227200 language/zh-CN',
  Feishu:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Lark/7.6.5 LarkLocale/zh_CN ChannelName/Feishu TTWebView/1208010051317',
  'a phone browser':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
} as const;
type Browser = keyof typeof USER_AGENTS;

type Calls = unknown[][];
interface FakeBridge {
  /** Puts the app's bridge on the page, recording each call made to it. */
  install: (calls: Calls) => void;
  readyEvent?: string;
  /** The documented call that closes the page. */
  closeCall: unknown[];
}

const page = window as unknown as Record<string, unknown>;
const recorder =
  (calls: Calls, name: string) =>
  (...args: unknown[]) =>
    calls.push([name, ...args]);
const weixin: FakeBridge = {
  install: (calls) => {
    page.WeixinJSBridge = { call: recorder(calls, 'WeixinJSBridge.call') };
  },
  readyEvent: 'WeixinJSBridgeReady',
  closeCall: ['WeixinJSBridge.call', 'closeWindow'],
};
const BRIDGES: Record<Browser, FakeBridge> = {
  WeChat: weixin,
  WeCom: weixin,
  Alipay: {
    install: (calls) => {
      page.AlipayJSBridge = { call: recorder(calls, 'AlipayJSBridge.call') };
    },
    readyEvent: 'AlipayJSBridgeReady',
    closeCall: ['AlipayJSBridge.call', 'popWindow'],
  },
  DingTalk: {
    install: (calls) => {
      page.dd = { biz: { navigation: { close: recorder(calls, 'dd.biz.navigation.close') } } };
    },
    closeCall: ['dd.biz.navigation.close', {}],
  },
  Feishu: {
    install: (calls) => {
      page.tt = { closeWindow: recorder(calls, 'tt.closeWindow') };
    },
    closeCall: ['tt.closeWindow', {}],
  },
  // A stray WeChat bridge on a page the user agent says is a browser's: never called.
  'a phone browser': weixin,
};
const BRIDGE_GLOBALS = ['WeixinJSBridge', 'wx', 'AlipayJSBridge', 'ap', 'dd', 'tt'];

function openIn(browser: Browser, historyLength: number) {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(USER_AGENTS[browser]);
  vi.spyOn(window.history, 'length', 'get').mockReturnValue(historyLength);
}

/** Lets `ms` of fake time pass, and React render what it brought. */
const elapse = (ms: number) => act(async () => void vi.advanceTimersByTime(ms));

const closeButton = () => screen.queryByRole('button', { name: zh.actions['close-page'] });
const canCloseLine = () => screen.queryByText(zh.ui.canClose);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const name of BRIDGE_GLOBALS) delete page[name];
});

describe('a closed form opened from a scan: user agent × bridge × history', () => {
  const browsers = Object.keys(USER_AGENTS) as Browser[];
  const bridges = ['there', 'late', 'absent'] as const;
  const cases = browsers.flatMap((browser) =>
    bridges.flatMap((bridge) => [1, 2].map((history) => [browser, bridge, history] as const)),
  );

  it.each(cases)('%s, bridge %s, history %i', async (browser, bridge, history) => {
    const fake = BRIDGES[browser];
    const calls: Calls = [];
    openIn(browser, history);
    if (bridge === 'there') fake.install(calls);
    const { container } = renderIn(
      'zh',
      <ApiErrorView error={errorForKey('100313')} variant="result" write />,
    );
    if (bridge === 'late') {
      await elapse(400);
      fake.install(calls);
      if (fake.readyEvent) document.dispatchEvent(new Event(fake.readyEvent));
    }
    await elapse(1000); // past the second a bridge has to arrive in
    const view = container.querySelector('.cae-error') as HTMLElement;

    if (history > 1) {
      expect(within(view).getByRole('button', { name: zh.actions['go-back'] })).toHaveClass(
        'cae-button--primary',
      );
      expect(closeButton()).toBeNull();
      expect(canCloseLine()).toBeNull();
      return;
    }
    if (browser === 'a phone browser' || bridge === 'absent') {
      expect(closeButton()).toBeNull();
      expect(canCloseLine()).toBeVisible();
      expect(calls).toEqual([]);
      return;
    }
    const close = closeButton() as HTMLElement;
    expect(close).toHaveClass('cae-button--primary');
    expect(within(view).getAllByRole('button')[0]).toBe(close);
    expect(canCloseLine()).toBeNull();
    await act(async () => fireEvent.click(close));
    expect(calls).toEqual([fake.closeCall]);
    // The fake bridge closes nothing: a second later the page says it can be closed, politely.
    await elapse(999);
    expect(canCloseLine()).toBeNull();
    await elapse(1);
    expect(screen.getByRole('status')).toHaveTextContent(zh.ui.canClose);
    expect(close).toBeInTheDocument();
  });
});

describe('the in-app close', () => {
  it('shows as soon as a late bridge says it is ready, not a second later', async () => {
    openIn('Alipay', 1);
    renderIn('zh', <ApiErrorView error={errorForKey('404')} />);
    await elapse(300);
    expect(closeButton()).toBeNull();
    BRIDGES.Alipay.install([]);
    await act(async () => void document.dispatchEvent(new Event('AlipayJSBridgeReady')));
    expect(closeButton()).toBeInTheDocument();
  });

  it('waits no longer than a second: a bridge that comes later is not offered', async () => {
    openIn('WeChat', 1);
    renderIn('zh', <ApiErrorView error={errorForKey('100312')} variant="result" write />);
    await elapse(1000);
    weixin.install([]);
    await act(async () => void document.dispatchEvent(new Event('WeixinJSBridgeReady')));
    await elapse(5000);
    expect(closeButton()).toBeNull();
    expect(canCloseLine()).toBeVisible();
  });

  it.each([
    ['WeChat', 'wx', { closeWindow: 'wx.closeWindow' }, ['wx.closeWindow']],
    ['Alipay', 'ap', { popWindow: 'ap.popWindow' }, ['ap.popWindow']],
  ] as const)(
    'uses the SDK the host loaded where %s’s bridge is not there (%s)',
    async (browser, name, methods, call) => {
      const calls: Calls = [];
      page[name] = Object.fromEntries(
        Object.entries(methods).map(([key, label]) => [key, recorder(calls, label)]),
      );
      openIn(browser, 1);
      renderIn('zh', <ApiErrorView error={errorForKey('100311')} variant="result" write />);
      await act(async () => fireEvent.click(closeButton() as HTMLElement));
      expect(calls).toEqual([call]);
    },
  );

  it('says the page can be closed when the bridge throws', async () => {
    page.WeixinJSBridge = {
      call: () => {
        throw new Error('closeWindow:fail');
      },
    };
    openIn('WeChat', 1);
    renderIn('zh', <ApiErrorView error={errorForKey('100313')} variant="result" write />);
    await act(async () => fireEvent.click(closeButton() as HTMLElement));
    await elapse(1000);
    expect(canCloseLine()).toBeVisible();
  });

  const FLOW_ENDING: readonly ErrorKey[] = [
    '404',
    '403',
    '100303',
    '100304',
    '100306',
    '100311',
    '100312',
    '100313',
    '100314',
  ];
  it.each(FLOW_ENDING)('leads %s with the close, never with a copy, in WeChat', (key) => {
    weixin.install([]);
    openIn('WeChat', 1);
    for (const variant of ['page', 'result'] as const) {
      const { container, unmount } = renderIn(
        'zh',
        <ApiErrorView error={errorForKey(key)} variant={variant} write />,
      );
      const buttons = within(container)
        .getAllByRole('button')
        .filter((button) => !button.closest('details'));
      expect(buttons[0], `${key} ${variant}`).toHaveAccessibleName(zh.actions['close-page']);
      expect(buttons[0]).toHaveClass('cae-button--primary');
      expect(within(container).queryByRole('button', { name: zh.actions['copy-reference'] })).toBeNull();
      unmount();
    }
  });

  it.each(['502', '100300', '100310', '100322'] as const)(
    'is not offered where the flow goes on (%s)',
    (key) => {
      weixin.install([]);
      openIn('WeChat', 1);
      renderIn('zh', <ApiErrorView error={errorForKey(key)} variant="page" write />);
      expect(closeButton()).toBeNull();
      expect(canCloseLine()).toBeNull();
    },
  );

  it('is not offered to the staff for a read-only key, who report it instead', () => {
    weixin.install([]);
    openIn('WeChat', 1);
    renderIn('zh', <ApiErrorView error={errorForKey('403')} write audience="staff" />);
    expect(closeButton()).toBeNull();
    expect(screen.getByRole('button', { name: zh.actions['copy-reference'] })).toBeInTheDocument();
  });

  it('comes before the way home, which stays', () => {
    weixin.install([]);
    openIn('WeChat', 1);
    const { container } = renderIn('zh', <ApiErrorView error={errorForKey('404')} />, {
      homeHref: '/events',
    });
    const ways = [...container.querySelectorAll('.cae-error__actions > *')];
    expect(ways.map((way) => way.textContent)).toEqual([zh.actions['close-page'], zh.actions['go-home']]);
  });
});

describe('the host decides', () => {
  it('closes its own way with onClosePage, in any browser, instead of the bridge', async () => {
    const calls: Calls = [];
    weixin.install(calls);
    const onClosePage = vi.fn();
    for (const browser of ['WeChat', 'a phone browser'] as const) {
      openIn(browser, 1);
      const { unmount } = renderIn(
        'zh',
        <ApiErrorView error={errorForKey('100313')} variant="result" write />,
        {
          onClosePage,
        },
      );
      await act(async () => fireEvent.click(closeButton() as HTMLElement));
      await elapse(1000);
      expect(canCloseLine()).toBeNull();
      unmount();
    }
    expect(onClosePage).toHaveBeenCalledTimes(2);
    expect(onClosePage.mock.calls[0]?.[0]).toMatchObject({ code: 400, errorCode: 100313 });
    expect(calls).toEqual([]);
  });

  it('takes onClosePage from the view too, and goes back where there is a page to go back to', async () => {
    const onClosePage = vi.fn();
    openIn('a phone browser', 1);
    const { unmount } = renderIn('en', <ApiErrorView error={errorForKey('404')} onClosePage={onClosePage} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close this page' })));
    expect(onClosePage).toHaveBeenCalledTimes(1);
    unmount();
    openIn('a phone browser', 2);
    renderIn('en', <ApiErrorView error={errorForKey('404')} onClosePage={onClosePage} />);
    expect(screen.queryByRole('button', { name: 'Close this page' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Go back' })).toBeInTheDocument();
  });

  it('turns the in-app close off with inAppClose={false}: the page says it can be closed', async () => {
    const calls: Calls = [];
    weixin.install(calls);
    openIn('WeChat', 1);
    renderIn('zh', <ApiErrorView error={errorForKey('100313')} variant="result" write />, {
      inAppClose: false,
    });
    await elapse(1000);
    expect(closeButton()).toBeNull();
    expect(canCloseLine()).toBeVisible();
  });
});

describe('server rendering', () => {
  it('renders no close, hydrates without a mismatch, and offers it once hydrated', async () => {
    weixin.install([]);
    openIn('WeChat', 1);
    const ui = () => (
      <ApiErrorsProvider languages={{ zh }} language="zh">
        <ApiErrorView error={errorForKey('100313')} variant="result" write />
      </ApiErrorsProvider>
    );
    const html = renderToString(ui());
    expect(html).not.toContain(zh.actions['close-page']);
    expect(html).toContain(zh.ui.canClose);

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const problems: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(args));
    const root = await act(async () =>
      hydrateRoot(container, ui(), { onRecoverableError: (error) => problems.push(error) }),
    );
    expect(problems).toEqual([]);
    consoleError.mockRestore();
    expect(within(container).getByRole('button', { name: zh.actions['close-page'] })).toBeInTheDocument();
    act(() => root.unmount());
    container.remove();
  });
});

describe('copying the reference with no clipboard', () => {
  const withClipboard = (clipboard: unknown) =>
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  afterEach(() => withClipboard(undefined));

  it.each([
    ['missing', undefined],
    ['denied', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }],
  ])('selects the reference and says, politely, to copy it by hand (clipboard %s)', async (_, clipboard) => {
    withClipboard(clipboard);
    openIn('a phone browser', 1);
    const { container } = renderIn('zh', <ApiErrorView error={errorForKey('404')} />);
    const status = screen.getByRole('status');
    expect(status).not.toHaveTextContent(zh.ui.copyByHand); // the region is there before it fills
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: zh.actions['copy-reference'] })),
    );
    expect(status).toHaveTextContent(zh.ui.copyByHand);
    const reference = container.querySelector('.cae-error__code') as HTMLElement;
    expect(getSelection()?.toString()).toBe(reference.textContent);
    // Never the primary action: on a phone browser the closing line says what is left to do.
    expect(screen.getByRole('button', { name: zh.actions['copy-reference'] })).not.toHaveClass(
      'cae-button--primary',
    );
    expect(status).toHaveTextContent(zh.ui.canClose);
  });

  it('says it was copied where the clipboard works, and nothing about copying by hand', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    withClipboard({ writeText });
    renderIn('zh', <ApiErrorView error={errorForKey('401')} write />);
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: zh.actions['copy-reference'] })),
    );
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: zh.ui.copied })).toBeInTheDocument();
    expect(screen.queryByText(zh.ui.copyByHand)).toBeNull();
  });
});

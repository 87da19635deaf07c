import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { toStoryLocale } from '../../.storybook/theme.js';
import { en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorView } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

const TEXTS = { zh, 'zh-Hant': zhHant, en };
const USER_AGENTS = {
  wechat:
    'Mozilla/5.0 (Linux; Android 13; V2232A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110017 MMWEBSDK/20230805 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  phone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
};

/** What WeChat's fake bridge was asked to do: its `WeixinJSBridge.call`. */
const weixinCall = fn();

/** Gives `object` its own `name` for the story; returns what takes it back. */
function override(object: object, name: string, value: unknown): () => void {
  Object.defineProperty(object, name, { value, configurable: true });
  return () => delete (object as Record<string, unknown>)[name];
}

/**
 * The page as a scan opens it: in `browser`, with no page to go back to, WeChat's bridge on it or
 * not, and no clipboard where `clipboard` is false.
 */
const openedFromScan =
  (browser: keyof typeof USER_AGENTS, { bridge = false, clipboard = true } = {}) =>
  () => {
    weixinCall.mockClear();
    const restore = [
      override(navigator, 'userAgent', USER_AGENTS[browser]),
      override(window.history, 'length', 1),
      ...(bridge ? [override(window, 'WeixinJSBridge', { call: weixinCall })] : []),
      ...(clipboard ? [] : [override(navigator, 'clipboard', undefined)]),
    ];
    return () => {
      for (const undo of restore) undo();
    };
  };

const meta = {
  title: 'Components/InAppBrowser',
  component: ApiErrorView,
  args: { error: errorForKey('100313'), variant: 'result', write: true },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ApiErrorView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A closed form opened from a scan in WeChat, whose bridge is there: 关闭页面 leads, nothing to copy. */
export const WeChatWithBridge: Story = {
  beforeEach: openedFromScan('wechat', { bridge: true }),
  tags: ['visual'],
  play: async ({ canvas, globals }) => {
    const texts = TEXTS[toStoryLocale(globals.locale)];
    const close = await canvas.findByRole('button', { name: texts.actions['close-page'] });
    await expect(close).toHaveClass('cae-button--primary');
    await expect(canvas.getAllByRole('button')[0]).toBe(close);
    await expect(canvas.queryByRole('button', { name: texts.actions['copy-reference'] })).toBeNull();
    await expect(canvas.queryByText(texts.ui.canClose)).toBeNull();
  },
};

/** Its tap asks WeChat to close the page; a page still open a second later says it can be closed. */
export const WeChatCloseLeftOpen: Story = {
  beforeEach: openedFromScan('wechat', { bridge: true }),
  play: async ({ canvas, globals, userEvent }) => {
    const texts = TEXTS[toStoryLocale(globals.locale)];
    await userEvent.click(await canvas.findByRole('button', { name: texts.actions['close-page'] }));
    await expect(weixinCall).toHaveBeenCalledTimes(1);
    await expect(weixinCall).toHaveBeenCalledWith('closeWindow');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(texts.ui.canClose), {
      timeout: 5000,
    });
  },
};

/** WeChat without its bridge (none came within a second): the page says it can be closed. */
export const WeChatWithoutBridge: Story = {
  beforeEach: openedFromScan('wechat'),
  tags: ['visual'],
  play: async ({ canvas, globals }) => {
    const texts = TEXTS[toStoryLocale(globals.locale)];
    // Past the second a bridge has to arrive in, with room for a busy machine.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(canvas.queryByRole('button', { name: texts.actions['close-page'] })).toBeNull();
    await expect(canvas.getByText(texts.ui.canClose)).toBeVisible();
  },
};

/**
 * A page that doesn't exist, in a phone's own browser with no clipboard: it says the page can be
 * closed, and a tap on the copy selects the reference and says to copy it by hand.
 */
export const PhoneBrowserWithoutClipboard: Story = {
  args: { error: errorForKey('404'), variant: 'page', write: false },
  beforeEach: openedFromScan('phone', { clipboard: false }),
  tags: ['visual'],
  play: async ({ canvas, canvasElement, globals, userEvent }) => {
    const texts = TEXTS[toStoryLocale(globals.locale)];
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent(texts.ui.canClose);
    await userEvent.click(canvas.getByRole('button', { name: texts.actions['copy-reference'] }));
    await expect(status).toHaveTextContent(texts.ui.copyByHand);
    const reference = canvasElement.querySelector('.cae-error__code');
    await expect(getSelection()?.toString()).toBe(reference?.textContent);
    await expect(canvas.queryByRole('button', { name: texts.actions['close-page'] })).toBeNull();
  },
};

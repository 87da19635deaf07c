/** The in-app browsers whose page can close itself: the app's own close, not `window.close()`. */
export type InAppBrowserName = 'wechat' | 'alipay' | 'dingtalk' | 'feishu';

/** An in-app browser: how its user agent reads, and the call of its bridge that closes the page. */
export interface InAppBrowser {
  name: InAppBrowserName;
  userAgent: RegExp;
  /** The event its bridge fires on `document` once it is injected, if it has one. */
  readyEvent?: string;
  /**
   * The call that closes the page, if the bridge (or the host's SDK) is on the page now.
   * @example wechat.closer(window)?.()
   */
  closer: (page: Window) => (() => unknown) | undefined;
}

type Method = (...args: unknown[]) => unknown;

/** `owner[name]`, bound, if it is a function: a bridge is whatever the app injected, or nothing. */
function method(owner: unknown, name: string): Method | undefined {
  if (typeof owner !== 'object' || owner === null) return undefined;
  const value = (owner as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as Method).bind(owner) : undefined;
}

const global = (page: Window, name: string): unknown => (page as unknown as Record<string, unknown>)[name];

/**
 * Checked in this order; WeCom (`wxwork`) also says `MicroMessenger`. The documented calls:
 * - WeChat: `WeixinJSBridge.call('closeWindow')` once `WeixinJSBridgeReady` fired, or the JS-SDK's
 *   `wx.closeWindow()` (developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html, 关闭当前网页窗口接口;
 *   the bridge call and its ready event: cnblogs.com/codeit/p/15131489.html);
 * - Alipay: `AlipayJSBridge.call('popWindow')`, injected after `window.onload` and announced by
 *   `AlipayJSBridgeReady` (help.aliyun.com/document_detail/85077.html, alibabacloud.com/help/doc-detail/84990.htm),
 *   or `ap.popWindow()` where the host loaded alipayjsapi;
 * - DingTalk: `dd.biz.navigation.close()`, "关闭webview" (dingtalk-jsapi's api/biz/navigation/close.d.ts);
 * - Feishu / Lark: `tt.closeWindow()` of the h5sdk (open.feishu.cn, 网页应用 JSAPI closeWindow).
 */
export const IN_APP_BROWSERS: readonly InAppBrowser[] = [
  {
    name: 'wechat',
    userAgent: /MicroMessenger|wxwork/i,
    readyEvent: 'WeixinJSBridgeReady',
    closer: (page) => {
      const call = method(global(page, 'WeixinJSBridge'), 'call');
      if (call) return () => call('closeWindow');
      return method(global(page, 'wx'), 'closeWindow');
    },
  },
  {
    name: 'dingtalk',
    userAgent: /DingTalk/i,
    closer: (page) => {
      const dd = global(page, 'dd') as { biz?: { navigation?: unknown } } | undefined;
      const close = method(dd?.biz?.navigation, 'close');
      return close && (() => close({}));
    },
  },
  {
    name: 'feishu',
    userAgent: /\bLark\/|Feishu/i,
    closer: (page) => {
      const close = method(global(page, 'tt'), 'closeWindow');
      return close && (() => close({}));
    },
  },
  {
    name: 'alipay',
    userAgent: /AlipayClient/i,
    readyEvent: 'AlipayJSBridgeReady',
    closer: (page) => {
      const call = method(global(page, 'AlipayJSBridge'), 'call');
      if (call) return () => call('popWindow');
      return method(global(page, 'ap'), 'popWindow');
    },
  },
];

/**
 * The in-app browser a user agent names, if any. A bridge on the page of another browser is not
 * trusted: the user agent says which app's close to use.
 * @example inAppBrowserOf(navigator.userAgent)?.name // 'wechat'
 */
export function inAppBrowserOf(userAgent: string): InAppBrowser | undefined {
  return IN_APP_BROWSERS.find((browser) => browser.userAgent.test(userAgent));
}

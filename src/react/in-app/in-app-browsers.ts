/** A call that closes the page: its object's path from `window`, the method, and its arguments. */
type CloseCall = readonly [path: string, method: string, ...args: unknown[]];

/** An in-app browser whose page can close itself: the app's own close, not `window.close()`. */
export interface InAppBrowser {
  userAgent: RegExp;
  /** The event its bridge fires on `document` once it is injected, if it has one. */
  readyEvent?: string;
  /** The calls that close the page: the first whose object is on the page is made. */
  calls: readonly CloseCall[];
}

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
    userAgent: /MicroMessenger|wxwork/i,
    readyEvent: 'WeixinJSBridgeReady',
    calls: [
      ['WeixinJSBridge', 'call', 'closeWindow'],
      ['wx', 'closeWindow'],
    ],
  },
  { userAgent: /DingTalk/i, calls: [['dd.biz.navigation', 'close', {}]] },
  { userAgent: /\bLark\/|Feishu/i, calls: [['tt', 'closeWindow', {}]] },
  {
    userAgent: /AlipayClient/i,
    readyEvent: 'AlipayJSBridgeReady',
    calls: [
      ['AlipayJSBridge', 'call', 'popWindow'],
      ['ap', 'popWindow'],
    ],
  },
];

/**
 * The in-app browser a user agent names, if any. A bridge on the page of another browser is not
 * trusted: the user agent says which app's close to use.
 * @example inAppBrowserOf(navigator.userAgent)?.readyEvent // 'WeixinJSBridgeReady'
 */
export function inAppBrowserOf(userAgent: string): InAppBrowser | undefined {
  return IN_APP_BROWSERS.find((browser) => browser.userAgent.test(userAgent));
}

/**
 * The call that closes the page in `browser`, if its bridge (or the host's SDK) is on the page now:
 * whatever the app injected, or nothing.
 * @example closerOf(inAppBrowserOf(navigator.userAgent))?.()
 */
export function closerOf(browser: InAppBrowser | undefined): (() => unknown) | undefined {
  for (const [path, method, ...args] of browser?.calls ?? []) {
    const owner = path
      .split('.')
      .reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], window) as
      | Record<string, unknown>
      | undefined;
    const call = owner?.[method];
    if (typeof call === 'function') return () => call.apply(owner, args);
  }
  return undefined;
}

import { useCallback, useEffect, useState } from 'react';
import { closerOf, type InAppBrowser, inAppBrowserOf } from './in-app-browsers.js';

/** How long a bridge has to arrive, and a close to take effect, before the page says to close it by hand. */
export const IN_APP_CLOSE_WAIT_MS = 1000;

/**
 * - `none`: no close here (not an in-app browser, no bridge within a second, on the server, not asked);
 * - `ready`: the in-app browser's bridge is on the page: `close` closes it;
 * - `failed`: `close` was called and the page was still here a second later.
 */
export type InAppCloseState = 'none' | 'ready' | 'failed';

export interface InAppClose {
  state: InAppCloseState;
  /** Asks the in-app browser to close the page; resolves a second later if the page is still there. */
  close: () => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Looks for the in-app browser's bridge now, on its ready event, and once more when the second is
 * up; stops at the first it finds, or then. Returns what stops looking.
 */
function watchForBridge(browser: InAppBrowser, found: () => void): () => void {
  const look = () => closerOf(browser) !== undefined;
  if (look()) {
    found();
    return () => {};
  }
  const onReady = () => {
    if (!look()) return;
    stop();
    found();
  };
  // DingTalk's and Feishu's SDKs announce nothing: a script the host loads late is found here.
  const onDeadline = () => {
    stop();
    if (look()) found();
  };
  const deadline = setTimeout(onDeadline, IN_APP_CLOSE_WAIT_MS);
  if (browser.readyEvent) document.addEventListener(browser.readyEvent, onReady);
  function stop() {
    clearTimeout(deadline);
    if (browser.readyEvent) document.removeEventListener(browser.readyEvent, onReady);
  }
  return stop;
}

/**
 * Whether the in-app browser (WeChat, WeCom, Alipay, DingTalk, Feishu) can close this page, and
 * the call that does. Decided in the browser after hydration, so that the server's render and the
 * hydration agree (`none`); `enabled: false` looks for nothing.
 *
 * @example
 * const inApp = useInAppClose(nothingToGoBackTo);
 * {inApp.state !== 'none' && <button onClick={inApp.close}>关闭页面</button>}
 */
export function useInAppClose(enabled: boolean): InAppClose {
  const [state, setState] = useState<InAppCloseState>('none');
  useEffect(() => {
    const browser = enabled ? inAppBrowserOf(navigator.userAgent) : undefined;
    if (!browser) {
      setState('none');
      return;
    }
    return watchForBridge(browser, () => setState('ready'));
  }, [enabled]);

  const close = useCallback(async () => {
    try {
      closerOf(inAppBrowserOf(navigator.userAgent))?.();
    } catch {
      // A bridge that throws closed nothing: the page says so below.
    }
    // A closed page runs nothing more: still running a second later, it was not closed.
    await wait(IN_APP_CLOSE_WAIT_MS);
    setState('failed');
  }, []);
  return { state, close };
}

import { act } from '@testing-library/react';
import i18next from 'i18next';
import { type ReactElement, useLayoutEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addApiErrorResources, createApiErrorsI18n, en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorsProvider, ApiErrorView } from '../../src/react/index.js';
import { ApiErrorsProvider as ReactI18nextProvider } from '../../src/react/provider/react-i18next-provider.js';
import { errorForKey } from '../../src/testing/index.js';

/** Reads the whole container's text when React commits the tree it is in (the first paint). */
function AtCommit({ container, seen }: { container: () => HTMLElement; seen: string[] }) {
  useLayoutEffect(() => {
    seen.push(container().textContent ?? '');
  });
  return null;
}

/**
 * Renders `view` on the "server" (its HTML, no effects), then hydrates a fresh `view` over it
 * and returns what the page said: the server's HTML, the DOM at the first client commit, every
 * text the DOM took on since, and the warnings (a hydration mismatch is one).
 */
async function serveAndHydrate(view: () => ReactElement) {
  const container = document.createElement('div');
  const atCommit: string[] = [];
  const probe = () => (
    <>
      {view()}
      <AtCommit container={() => container} seen={atCommit} />
    </>
  );
  const server = renderToString(probe());
  container.innerHTML = server;
  document.body.append(container);
  const changes: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') changes.push(record.target.textContent ?? '');
      for (const node of record.addedNodes) changes.push(node.textContent ?? '');
    }
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true });
  const problems: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(args));
  const root = await act(async () =>
    hydrateRoot(container, probe(), { onRecoverableError: (error) => problems.push(error) }),
  );
  // Past the moment a page-language switch would re-render (a store update is flushed by act).
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  observer.takeRecords();
  observer.disconnect();
  const settled = container.textContent ?? '';
  consoleError.mockRestore();
  act(() => root.unmount());
  container.remove();
  return { server, atCommit, changes, settled, problems };
}

/** The host's own i18next instance, initialized in `lng`, with our texts added. */
function hostInstance(lng: string) {
  const host = i18next.createInstance();
  host.init({ lng, resources: {}, initAsync: false });
  addApiErrorResources(host);
  return host;
}

afterEach(() => {
  document.documentElement.lang = '';
});

describe('a Chinese page is Chinese from the server’s HTML to the first client paint', () => {
  const chinese = [
    [
      'the provider’s `language` with every language given',
      () => (
        <ApiErrorsProvider languages={{ zh, 'zh-Hant': zhHant, en }} language="zh-CN">
          <ApiErrorView error={errorForKey('502')} variant="page" />
        </ApiErrorsProvider>
      ),
    ],
    [
      'the only language of the provider’s `languages`',
      () => (
        <ApiErrorsProvider languages={{ zh }}>
          <ApiErrorView error={errorForKey('502')} variant="page" />
        </ApiErrorsProvider>
      ),
    ],
    [
      'the provider’s i18next instance',
      () => (
        <ApiErrorsProvider i18n={createApiErrorsI18n('zh-CN')}>
          <ApiErrorView error={errorForKey('502')} variant="page" />
        </ApiErrorsProvider>
      ),
    ],
    [
      'the host’s react-i18next instance (caoliao-api-errors/react-i18next)',
      () => (
        <I18nextProvider i18n={hostInstance('zh-CN')}>
          <ReactI18nextProvider>
            <ApiErrorView error={errorForKey('502')} variant="page" />
          </ReactI18nextProvider>
        </I18nextProvider>
      ),
    ],
  ] as const;

  it.each(chinese)('%s', async (_, view) => {
    // The page says Chinese too: the client must not prefer it over what the server rendered.
    document.documentElement.lang = 'zh-CN';
    const { server, atCommit, changes, settled, problems } = await serveAndHydrate(view);
    expect(server).toContain(zh.errors[502].title);
    expect(server).not.toContain(en.errors[502].title);
    expect(atCommit[0]).toContain(zh.errors[502].title);
    expect(atCommit.join('\n')).not.toContain(en.errors[502].title);
    expect(changes.join('\n')).not.toContain(en.errors[502].title);
    expect(settled).toContain(zh.errors[502].title);
    expect(problems).toEqual([]);
  });

  it('Traditional Chinese from the provider’s `language` (zh-TW)', async () => {
    const { server, atCommit, problems } = await serveAndHydrate(() => (
      <ApiErrorsProvider languages={{ zh, 'zh-Hant': zhHant, en }} language="zh-TW">
        <ApiErrorView error={errorForKey('100320')} variant="page" />
      </ApiErrorsProvider>
    ));
    expect(server).toContain(zhHant.errors[100320].title);
    expect(atCommit[0]).toContain(zhHant.errors[100320].title);
    expect(problems).toEqual([]);
  });

  it('(the record notices a flash: without a language the server cannot know, it renders English and the client switches)', async () => {
    document.documentElement.lang = 'zh-CN';
    const { server, atCommit, changes, settled, problems } = await serveAndHydrate(() => (
      <ApiErrorsProvider languages={{ zh, en }}>
        <ApiErrorView error={errorForKey('502')} variant="page" />
      </ApiErrorsProvider>
    ));
    expect(server).toContain(en.errors[502].title);
    expect(atCommit[0]).toContain(en.errors[502].title);
    expect(changes.join('\n')).toContain(zh.errors[502].title);
    expect(settled).toContain(zh.errors[502].title);
    expect(problems).toEqual([]);
  });
});

import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en, zh, zhHant } from '../../src/i18n/index.js';
import { ApiErrorSummary, ApiErrorsProvider, useFieldErrors } from '../../src/react/index.js';
import { errorForKey as errorFor } from '../../src/testing/index.js';

const NAME = 71234567890101;
const missingName = errorFor('100308', { detail: `required: ${NAME}` });

function Summary({ error }: { error: unknown }) {
  return <ApiErrorSummary fieldErrors={useFieldErrors(error, { fieldIds: [NAME] })} />;
}

function Page({ error, language = 'zh' }: { error: unknown; language?: string }) {
  return (
    <ApiErrorsProvider languages={{ zh, 'zh-Hant': zhHant, en }} language={language}>
      <Summary error={error} />
    </ApiErrorsProvider>
  );
}

beforeEach(() => {
  document.title = '春季开放日报名';
});
afterEach(() => {
  document.title = '';
});

describe('the page title while the error summary shows (GOV.UK: "Error: ")', () => {
  it('starts with the localized "错误：" while the summary shows, and is restored when the errors clear', async () => {
    const { rerender } = render(<Page error={null} />);
    expect(document.title).toBe('春季开放日报名');
    await act(async () => rerender(<Page error={missingName} />));
    expect(document.title).toBe('错误：春季开放日报名');
    await act(async () => rerender(<Page error={null} />));
    expect(document.title).toBe('春季开放日报名');
  });

  it('follows a change of language, and is restored when the summary goes', async () => {
    const { rerender, unmount } = render(<Page error={missingName} />);
    expect(document.title).toBe('错误：春季开放日报名');
    await act(async () => rerender(<Page error={missingName} language="zh-Hant" />));
    expect(document.title).toBe('錯誤：春季开放日报名');
    await act(async () => rerender(<Page error={missingName} language="en" />));
    expect(document.title).toBe('Error: 春季开放日报名');
    unmount();
    expect(document.title).toBe('春季开放日报名');
  });

  it('marks the title once, with two summaries and under StrictMode', async () => {
    const { unmount } = render(
      <StrictMode>
        <Page error={missingName} />
        <Page error={missingName} />
      </StrictMode>,
    );
    expect(document.title).toBe('错误：春季开放日报名');
    unmount();
    expect(document.title).toBe('春季开放日报名');
  });

  it('keeps the mark while any summary shows: the first one going leaves the second’s', async () => {
    const { rerender } = render(
      <>
        <Page error={missingName} />
        <Page error={null} />
      </>,
    );
    expect(document.title).toBe('错误：春季开放日报名');
    await act(async () =>
      rerender(
        <>
          <Page error={missingName} />
          <Page error={missingName} />
        </>,
      ),
    );
    await act(async () =>
      rerender(
        <>
          <Page error={null} />
          <Page error={missingName} />
        </>,
      ),
    );
    expect(document.title).toBe('错误：春季开放日报名');
    await act(async () =>
      rerender(
        <>
          <Page error={null} />
          <Page error={null} />
        </>,
      ),
    );
    expect(document.title).toBe('春季开放日报名');
  });

  it('leaves a title the host set meanwhile as the host set it', async () => {
    const { unmount } = render(<Page error={missingName} />);
    document.title = '报名成功';
    unmount();
    expect(document.title).toBe('报名成功');
  });

  it('is not touched by a render on the server', () => {
    const html = renderToString(<Page error={missingName} />);
    expect(html).toContain('cae-summary');
    expect(document.title).toBe('春季开放日报名');
  });
});

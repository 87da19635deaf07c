// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/client/index.js';
import { ApiClientProvider, useSubmissionDraft } from '../../src/react/index.js';

function Page() {
  const { draft, save } = useSubmissionDraft({ id: 'record-2-1', storage: 'local' });
  const kept = save({ code_id: 1, tpl_id: 2, fields: [] });
  return <p>{draft ? 'resume?' : `no draft, kept: ${kept}`}</p>;
}

describe('useSubmissionDraft on the server', () => {
  it('renders without a window: no draft, and save keeps nothing without throwing', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <ApiClientProvider client={createApiClient({ baseUrl: '/caoliao' })}>
        <Page />
      </ApiClientProvider>,
    );
    expect(html).toBe('<p>no draft, kept: false</p>');
  });
});

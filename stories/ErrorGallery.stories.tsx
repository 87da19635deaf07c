import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ERROR_KEYS, type ErrorKey } from '../src/core/index.js';
import { en, zh } from '../src/i18n/index.js';
import { ApiErrorView } from '../src/react/index.js';
import { errorForKey } from '../src/testing/index.js';

interface GalleryItemProps {
  /** The catalog key to show. */
  errorKey: ErrorKey;
  /** The failed request was a write (a submission, a verification). */
  write: boolean;
  /** `Retry-After` of the answer, in seconds (429). */
  retryAfterSeconds?: number;
  /** The envelope's `message` (developer text, shown only in the details). */
  serverMessage?: string;
  /** The envelope's `message_detail`. */
  messageDetail?: string;
}

/** One catalog key, as a page view and as an inline view. */
function GalleryItem({ errorKey, write, retryAfterSeconds, serverMessage, messageDetail }: GalleryItemProps) {
  const error = errorForKey(errorKey, {
    retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
    serverMessage,
    detail: messageDetail,
    endpoint: write ? '/api/v2/rpc/record/addRecord' : '/api/v2/rpc/forms/getTemplate',
  });
  const retry = () => new Promise((resolve) => setTimeout(resolve, 400));
  return (
    <main className="gallery">
      <h1 className="gallery__key">{errorKey}</h1>
      <ApiErrorView error={error} variant="page" write={write} onRetry={retry} onContactSupport={() => {}} />
      <hr />
      <ApiErrorView
        error={error}
        variant="inline"
        write={write}
        onRetry={retry}
        onContactSupport={() => {}}
      />
    </main>
  );
}

const meta = {
  title: 'Gallery/Every error',
  component: GalleryItem,
  args: { write: false },
  argTypes: {
    errorKey: { control: 'select', options: ERROR_KEYS.filter((key) => key !== '0') },
    retryAfterSeconds: { control: { type: 'number', min: 0 } },
  },
  parameters: {
    docs: { description: { component: 'Every key of the catalog, in the language of the toolbar.' } },
  },
} satisfies Meta<typeof GalleryItem>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Code400: Story = { args: { errorKey: '400' } };
export const Code401: Story = { args: { errorKey: '401' } };
export const Code403: Story = { args: { errorKey: '403' } };
export const Code404: Story = {
  args: { errorKey: '404' },
  play: async ({ canvas, globals }) => {
    const texts = globals.locale === 'en' ? en : zh;
    await expect(canvas.getAllByText(texts.errors[404].title)).toHaveLength(2);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveFocus();
  },
};
export const Code429: Story = { args: { errorKey: '429' } };
export const Code502: Story = { args: { errorKey: '502' } };
export const ErrorCode100300: Story = { args: { errorKey: '100300' } };
export const ErrorCode100301: Story = { args: { errorKey: '100301' } };
export const ErrorCode100302: Story = { args: { errorKey: '100302' } };
export const ErrorCode100303: Story = { args: { errorKey: '100303' } };
export const ErrorCode100304: Story = { args: { errorKey: '100304' } };
export const ErrorCode100305: Story = { args: { errorKey: '100305' } };
export const ErrorCode100306: Story = { args: { errorKey: '100306' } };
export const ErrorCode100307: Story = { args: { errorKey: '100307' } };
export const ErrorCode100308: Story = { args: { errorKey: '100308' } };
export const ErrorCode100309: Story = { args: { errorKey: '100309' } };
export const ErrorCode100310: Story = { args: { errorKey: '100310' } };
export const ErrorCode100311: Story = { args: { errorKey: '100311' } };
export const ErrorCode100312: Story = { args: { errorKey: '100312' } };
export const ErrorCode100313: Story = { args: { errorKey: '100313' } };
export const ErrorCode100314: Story = { args: { errorKey: '100314' } };
export const ErrorCode100315: Story = { args: { errorKey: '100315' } };
export const ErrorCode100316: Story = { args: { errorKey: '100316' } };
export const ErrorCode100317: Story = { args: { errorKey: '100317' } };
export const ErrorCode100318: Story = { args: { errorKey: '100318' } };
export const ErrorCode100319: Story = { args: { errorKey: '100319' } };
export const ErrorCode100320: Story = { args: { errorKey: '100320' } };
export const ErrorCode100321: Story = { args: { errorKey: '100321' } };
export const ErrorCode100322: Story = { args: { errorKey: '100322' } };
export const ErrorCode100323: Story = { args: { errorKey: '100323' } };
export const ErrorCode100324: Story = { args: { errorKey: '100324' } };
export const ErrorCode100325: Story = { args: { errorKey: '100325' } };
export const ErrorCode100326: Story = { args: { errorKey: '100326' } };
export const ErrorCode100327: Story = { args: { errorKey: '100327' } };
export const ErrorCode100328: Story = { args: { errorKey: '100328' } };
export const ErrorCode100329: Story = { args: { errorKey: '100329' } };
export const Network: Story = { args: { errorKey: 'network' } };
export const Timeout: Story = { args: { errorKey: 'timeout' } };
export const Aborted: Story = { args: { errorKey: 'aborted' } };
export const InvalidResponse: Story = { args: { errorKey: 'invalid-response' } };
export const Http: Story = { args: { errorKey: 'http' } };
export const Unknown: Story = { args: { errorKey: 'unknown' } };

export const RateLimitedWrite: Story = { args: { errorKey: '429', write: true, retryAfterSeconds: 8 } };
export const UpstreamFailedWrite: Story = { args: { errorKey: '502', write: true } };
export const ServerTextIsText: Story = {
  args: {
    errorKey: '100300',
    serverMessage: '<img src=x onerror=alert(1)>',
    messageDetail: '<b>not bold</b>',
  },
};

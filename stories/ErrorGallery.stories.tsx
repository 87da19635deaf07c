import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect } from 'storybook/test';
import { type StoryLocale, toStoryLocale } from '../.storybook/theme.js';
import { describeError, ERROR_KEYS, type ErrorKey } from '../src/core/index.js';
import { en, zh, zhHant } from '../src/i18n/index.js';
import {
  ApiErrorArea,
  ApiErrorSummary,
  ApiErrorsProvider,
  ApiErrorView,
  ApiFieldError,
  useFieldErrors,
  useSubmitButton,
} from '../src/react/index.js';
import { errorForKey } from '../src/testing/index.js';
import { PAGE_TEXTS, WORLD } from './examples/page-texts.js';
import './examples/examples.css';

/** Where an error really appears. */
type Place = 'fields' | 'form' | 'desk' | 'page' | 'inline';

const DESK_KEYS = new Set<string>(ERROR_KEYS.filter((key) => Number(key) >= 100317 && Number(key) <= 100329));

function placeOf(key: ErrorKey, write: boolean): Place {
  const { scope } = describeError(errorForKey(key));
  if (scope === 'field') return 'fields';
  if (DESK_KEYS.has(key)) return 'desk';
  if (write) return 'form';
  return scope === 'page' ? 'page' : 'inline';
}

interface GalleryItemProps {
  /** The catalog key to show. */
  errorKey: ErrorKey;
  /** The failed request was a write (a submission): it is shown on the form. */
  write: boolean;
  /** Who reads it. */
  audience: 'public' | 'staff';
  /** `Retry-After` of the answer, in seconds (429). */
  retryAfterSeconds?: number;
  /** The envelope's `message` (developer text, shown only in the details). */
  serverMessage?: string;
  /** The envelope's `message_detail`. */
  messageDetail?: string;
  /** The toolbar's language (set by the story, not a control). */
  locale?: StoryLocale;
}

const FIELD_IDS = [71234567890101, 71234567890102];
const retry = () => new Promise((resolve) => setTimeout(resolve, 400));

/** A two-field phone form, as a visitor sees it after submitting. */
function OnTheForm({ error, locale }: { error: unknown; locale: StoryLocale }) {
  const texts = PAGE_TEXTS[locale];
  const world = WORLD[locale];
  const fields = FIELD_IDS.map((field_id, index) => ({
    field_id,
    field_title: world.fields[index] ?? '',
    settings: { is_required: true, is_unique: index === 1 },
  }));
  const values = { [FIELD_IDS[0] as number]: '', [FIELD_IDS[1] as number]: '13800138000' };
  const fieldErrors = useFieldErrors(error, { fields, values });
  // The form's own button as useSubmitButton sets it after this error: a 429's wait disables it, a
  // resend leads. Its own label: the wait's ticks once a second, which a baseline cannot hold.
  const button = useSubmitButton({ error, failureReason: null, isPending: false, mutateAsync: retry });
  return (
    <main className="demo-card">
      <ApiErrorArea error={error} write onRetry={retry}>
        <form className="demo-form" onSubmit={(event) => event.preventDefault()} noValidate>
          <ApiErrorSummary fieldErrors={fieldErrors} />
          {fields.map((field) => (
            <div key={field.field_id} className="cae-field demo-field">
              <label className="demo-label" htmlFor={`cae-field-${field.field_id}`}>
                {field.field_title}
              </label>
              <ApiFieldError fieldErrors={fieldErrors} fieldId={field.field_id} />
              <input
                className="cae-input"
                {...fieldErrors.fieldProps(field.field_id)}
                defaultValue={values[field.field_id]}
              />
            </div>
          ))}
          <ApiErrorView error={error} write onRetry={retry} fieldErrors={fieldErrors} />
          <button
            type="submit"
            className={`${button.className} demo-submit`}
            aria-disabled={button.disabled || undefined}
          >
            {texts.submit}
          </button>
        </form>
      </ApiErrorArea>
    </main>
  );
}

/** The outcome panel of the verification desk. */
function AtTheDesk({ error, locale }: { error: unknown; locale: StoryLocale }) {
  return (
    <main className="desk-grid">
      <section className="desk-panel desk-outcome" aria-labelledby="gallery-outcome">
        <h2 id="gallery-outcome" className="desk-outcome__label">
          {PAGE_TEXTS[locale].outcomeTitle}
        </h2>
        <ApiErrorsProvider
          onEnterCertificateCode={() => {}}
          onEnterAuthCode={() => {}}
          onChooseAnother={() => {}}
          onCompleteIdentity={async () => true}
        >
          <ApiErrorView error={error} write onRetry={retry} />
        </ApiErrorsProvider>
      </section>
    </main>
  );
}

/** One catalog key, where it really appears: on the form, at the desk, as a page, or beside a reload. */
function GalleryItem({
  errorKey,
  write,
  audience,
  retryAfterSeconds,
  serverMessage,
  messageDetail,
  locale = 'zh',
}: GalleryItemProps) {
  const error = errorForKey(errorKey, {
    retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
    serverMessage,
    detail: messageDetail,
    endpoint: write ? '/api/v2/rpc/record/addRecord' : '/api/v2/rpc/forms/getTemplate',
  });
  const place = placeOf(errorKey, write);
  let content: ReactNode;
  if (place === 'fields' || place === 'form') content = <OnTheForm error={error} locale={locale} />;
  else if (place === 'desk') content = <AtTheDesk error={error} locale={locale} />;
  else if (place === 'page')
    content = (
      <main>
        <ApiErrorView error={error} onRetry={retry} />
      </main>
    );
  else
    content = (
      <main className="demo-card">
        <ApiErrorView error={error} onRetry={retry} />
      </main>
    );
  const look = { desk: 'demo--desk', page: 'demo--plain' }[place as string] ?? 'demo--phone';
  return (
    <div className={`demo ${look}`} data-place={place}>
      <ApiErrorsProvider audience={place === 'desk' ? 'staff' : audience} contactHref="tel:+864008123456">
        {content}
      </ApiErrorsProvider>
    </div>
  );
}

const meta = {
  title: 'Gallery/Every error',
  component: GalleryItem,
  render: (args, { globals }) => <GalleryItem {...args} locale={toStoryLocale(globals.locale)} />,
  args: { write: false, audience: 'public' },
  argTypes: {
    locale: { table: { disable: true } },
    errorKey: { control: 'select', options: ERROR_KEYS.filter((key) => key !== '0') },
    audience: { control: 'inline-radio', options: ['public', 'staff'] },
    retryAfterSeconds: { control: { type: 'number', min: 0 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every key of the catalog where it really appears — field errors on a form with the error summary, errors that end a submission in place of the form, the rest beside the button; certificate errors at the desk; page errors as a page — in the language and theme of the toolbar, for the visitor (`public`) or the `staff`.',
      },
    },
  },
} satisfies Meta<typeof GalleryItem>;

export default meta;
type Story = StoryObj<typeof meta>;

const TEXTS = { zh, 'zh-Hant': zhHant, en };

export const Code400: Story = { args: { errorKey: '400' } };
export const Code401: Story = { args: { errorKey: '401', write: true } };
export const Code403: Story = { args: { errorKey: '403', write: true } };
export const Code404: Story = {
  args: { errorKey: '404' },
  tags: ['visual'],
  play: async ({ canvas, globals }) => {
    const texts = TEXTS[toStoryLocale(globals.locale)];
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(texts.errors[404].title);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveFocus();
  },
};
export const Code429: Story = { args: { errorKey: '429', retryAfterSeconds: 30 } };
export const Code502: Story = { args: { errorKey: '502' } };
export const ErrorCode100300: Story = { args: { errorKey: '100300' } };
export const ErrorCode100301: Story = { args: { errorKey: '100301' } };
export const ErrorCode100302: Story = { args: { errorKey: '100302' } };
export const ErrorCode100303: Story = { args: { errorKey: '100303' } };
export const ErrorCode100304: Story = { args: { errorKey: '100304' } };
export const ErrorCode100305: Story = { args: { errorKey: '100305' } };
export const ErrorCode100306: Story = { args: { errorKey: '100306', write: true } };
export const ErrorCode100307: Story = {
  args: { errorKey: '100307', write: true, messageDetail: 'duplicate: 71234567890102' },
};
export const ErrorCode100308: Story = { args: { errorKey: '100308', write: true } };
export const ErrorCode100309: Story = {
  args: { errorKey: '100309', write: true, messageDetail: 'invalid: 71234567890102' },
};
export const ErrorCode100310: Story = { args: { errorKey: '100310', write: true } };
export const ErrorCode100311: Story = { args: { errorKey: '100311', write: true } };
export const ErrorCode100312: Story = { args: { errorKey: '100312', write: true } };
export const ErrorCode100313: Story = { args: { errorKey: '100313', write: true } };
export const ErrorCode100314: Story = { args: { errorKey: '100314', write: true } };
export const ErrorCode100315: Story = { args: { errorKey: '100315', write: true } };
export const ErrorCode100316: Story = { args: { errorKey: '100316', write: true } };
// Errors only the staff meet (code categories, certificates): shown as the staff read them.
export const ErrorCode100317: Story = { args: { errorKey: '100317', audience: 'staff' } };
export const ErrorCode100318: Story = { args: { errorKey: '100318', audience: 'staff' } };
export const ErrorCode100319: Story = { args: { errorKey: '100319', audience: 'staff' } };
export const ErrorCode100320: Story = { args: { errorKey: '100320', audience: 'staff' } };
export const ErrorCode100321: Story = { args: { errorKey: '100321', audience: 'staff' } };
export const ErrorCode100322: Story = { args: { errorKey: '100322', audience: 'staff' } };
export const ErrorCode100323: Story = { args: { errorKey: '100323', audience: 'staff' } };
export const ErrorCode100324: Story = { args: { errorKey: '100324', audience: 'staff' } };
export const ErrorCode100325: Story = { args: { errorKey: '100325', audience: 'staff' } };
export const ErrorCode100326: Story = { args: { errorKey: '100326', audience: 'staff' } };
export const ErrorCode100327: Story = { args: { errorKey: '100327', audience: 'staff' } };
export const ErrorCode100328: Story = { args: { errorKey: '100328', audience: 'staff' } };
export const ErrorCode100329: Story = { args: { errorKey: '100329' } };
export const Network: Story = { args: { errorKey: 'network' } };
export const Timeout: Story = { args: { errorKey: 'timeout' } };
export const Aborted: Story = { args: { errorKey: 'aborted' } };
export const InvalidResponse: Story = { args: { errorKey: 'invalid-response' } };
export const Http: Story = { args: { errorKey: 'http' } };
export const Unknown: Story = { args: { errorKey: 'unknown' } };

export const RateLimitedWrite: Story = {
  args: { errorKey: '429', write: true, retryAfterSeconds: 30 },
  tags: ['visual'],
};
export const UpstreamFailedWrite: Story = { args: { errorKey: '502', write: true } };
export const NetworkFailedWrite: Story = { args: { errorKey: 'network', write: true } };
export const ForStaff: Story = {
  args: { errorKey: '401', write: true, audience: 'staff' },
  tags: ['visual'],
};
export const ServerTextIsText: Story = {
  args: {
    errorKey: '100300',
    serverMessage: '<img src=x onerror=alert(1)>',
    messageDetail: '<b>not bold</b>',
  },
};
/** The host opted in to dark (`data-theme="dark"`). */
export const DarkTheme: Story = { args: { errorKey: '100311', write: true }, globals: { theme: 'dark' } };

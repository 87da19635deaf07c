import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { type StoryLocale, toStoryLocale } from '../../.storybook/theme.js';
import { ApiErrorView, CertificateVerified, type VerificationMutation } from '../../src/react/index.js';
import { errorForKey } from '../../src/testing/index.js';

/** The form's own status label, as the API returns it in the form's language. */
const STATUS: Record<StoryLocale, string> = { zh: '已核销', 'zh-Hant': '已核銷', en: 'Verified' };

const verified = (locale: StoryLocale): VerificationMutation => ({
  isSuccess: true,
  data: { recordId: 100_001, certificateStatus: STATUS[locale], verifiedAt: 1_767_000_000 },
  variables: { certificate_code: 'https://qr.cli.im/c/CERT-1', action_type: 'set_next_certificate_status' },
  reset: fn(),
});

const meta = {
  title: 'Components/CertificateVerified',
  component: CertificateVerified,
  args: { mutation: verified('zh'), onNext: fn() },
  argTypes: { mutation: { control: false } },
  render: (args, { globals }) => (
    <section aria-label="outcome" style={{ maxWidth: '32rem' }}>
      <CertificateVerified {...args} mutation={verified(toStoryLocale(globals.locale))} />
    </section>
  ),
  parameters: { layout: 'padded' },
} satisfies Meta<typeof CertificateVerified>;

export default meta;
type Story = StoryObj<typeof meta>;

/** At the desk: verified, with the record the API returned; "verify the next one" leads. */
export const Verified: Story = {
  tags: ['visual'],
  play: async ({ canvas, args }) => {
    const region = canvas.getByRole('status');
    await expect(region).toHaveTextContent('https://qr.cli.im/c/CERT-1');
    within(region).getByRole('button').click();
    await expect(args.onNext).toHaveBeenCalledTimes(1);
  },
};

/** Beside the refusal it must never be mistaken for: the same certificate verified before (100324). */
export const BesideAlreadyVerified: Story = {
  tags: ['visual'],
  render: (args, { globals }) => (
    <div style={{ display: 'grid', gap: 16, maxWidth: '32rem' }}>
      <CertificateVerified {...args} mutation={verified(toStoryLocale(globals.locale))} />
      <ApiErrorView error={errorForKey('100324')} write audience="staff" />
    </div>
  ),
};

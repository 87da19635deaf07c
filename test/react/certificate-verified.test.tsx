import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type VerifyCertificateRequest } from '../../src/client/index.js';
import { zhStaff } from '../../src/i18n/index.js';
import {
  ApiClientProvider,
  ApiErrorsProvider,
  type ApiErrorsProviderProps,
  ApiErrorView,
  CertificateVerified,
  type CertificateVerifiedProps,
  useVerifyCertificate,
} from '../../src/react/index.js';
import { createSimulator, createSimulatorHandlers } from '../../src/testing/index.js';
import { setupMockApi } from '../support/msw.js';

const server = setupMockApi();

/** The desk recipe's outcome area: the refusal's view and the verified one, side by side. */
function Desk({ onNext }: Pick<CertificateVerifiedProps, 'onNext'>) {
  const verify = useVerifyCertificate();
  const [code, setCode] = useState('https://qr.cli.im/c/CERT-1');
  const request: VerifyCertificateRequest = {
    certificate_code: code,
    action_type: 'set_next_certificate_status',
  };
  return (
    <>
      <label>
        凭证码
        <input value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      <button type="button" onClick={() => verify.mutate(request)}>
        核销
      </button>
      <section aria-label="核销结果">
        <ApiErrorView mutation={verify} />
        <CertificateVerified mutation={verify} {...(onNext ? { onNext } : {})} />
      </section>
    </>
  );
}

function renderDesk({
  onNext,
  provider = {},
}: {
  onNext?: () => unknown;
  provider?: Omit<ApiErrorsProviderProps, 'children'>;
} = {}) {
  const simulator = createSimulator();
  server.use(...createSimulatorHandlers({ simulator }));
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={createApiClient()}>
        <ApiErrorsProvider languages={{ zh: zhStaff }} audience="staff" {...provider}>
          {children}
        </ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
  return { ...render(<Desk onNext={onNext} />, { wrapper }), simulator };
}

const outcome = () => within(screen.getByRole('region', { name: '核销结果' }));
/** CertificateVerified's region: the last status of the outcome (ApiErrorView's own, for a resend's check, comes first). */
const verifiedRegion = () => outcome().getAllByRole('status').at(-1) as HTMLElement;

describe('CertificateVerified', () => {
  it('says "verified" with the record the API returned, in a polite live region that was there before, focus left where it was', async () => {
    const { simulator } = renderDesk();
    const region = verifiedRegion();
    expect(region).toBeEmptyDOMElement();
    await userEvent.click(screen.getByRole('button', { name: '核销' }));

    await waitFor(() => expect(region).toHaveTextContent(zhStaff.ui.verified_staff as string));
    const certificate = simulator.state.certificates[0];
    const values = [...region.querySelectorAll('dd bdi')].map((bdi) => bdi.textContent);
    expect(values).toEqual([
      'https://qr.cli.im/c/CERT-1',
      certificate?.status,
      String(certificate?.record_id),
    ]);
    expect(within(region).getByText(zhStaff.ui.verifiedStatus_staff as string)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '核销' })).toHaveFocus();
    // The refusal's region says nothing of a success.
    expect(outcome().getByRole('alert')).toBeEmptyDOMElement();
  });

  it('uses the success tone, which no refusal shares: a second verification of the same certificate is amber (100324)', async () => {
    renderDesk();
    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    const verified = await waitFor(() => {
      const panel = verifiedRegion().querySelector('[data-tone]');
      expect(panel).not.toBeNull();
      return panel;
    });
    expect(verified).toHaveAttribute('data-tone', 'done');

    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    await waitFor(() =>
      expect(outcome().getByRole('alert')).toHaveTextContent(zhStaff.errors[100324].title_staff as string),
    );
    expect(outcome().getByRole('alert').querySelector('[data-tone]')).toHaveAttribute('data-tone', 'warning');
    expect(verifiedRegion()).toBeEmptyDOMElement();
  });

  it('leads with "verify the next one", the provider’s onEnterCertificateCode', async () => {
    const onEnterCertificateCode = vi.fn();
    renderDesk({ provider: { onEnterCertificateCode } });
    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    const next = await screen.findByRole('button', { name: zhStaff.ui.verifyNext_staff as string });
    expect(next).toHaveClass('cae-button--primary');
    await userEvent.click(next);
    expect(onEnterCertificateCode).toHaveBeenCalledTimes(1);
  });

  it('prefers its own onNext, and with no handler at all clears the outcome for the next certificate', async () => {
    const onNext = vi.fn();
    const own = renderDesk({ onNext, provider: { onEnterCertificateCode: vi.fn() } });
    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    await userEvent.click(await screen.findByRole('button', { name: zhStaff.ui.verifyNext_staff as string }));
    expect(onNext).toHaveBeenCalledTimes(1);
    own.unmount();

    renderDesk();
    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    await userEvent.click(await screen.findByRole('button', { name: zhStaff.ui.verifyNext_staff as string }));
    await waitFor(() => expect(verifiedRegion()).toBeEmptyDOMElement());
  });

  it('shows a server’s text as text, isolated: markup and a right-to-left override stay inside their <bdi>', async () => {
    const { simulator } = renderDesk();
    const certificate = simulator.state.certificates[0];
    if (!certificate) throw new Error('the simulator’s world has no certificate');
    certificate.statuses = [certificate.status, '<img src=x onerror=alert(1)>\u202E已核销'];
    await userEvent.click(screen.getByRole('button', { name: '核销' }));
    await waitFor(() => expect(verifiedRegion()).toHaveTextContent('<img src=x'));
    expect(verifiedRegion().querySelector('img')).toBeNull();
    expect(outcome().getByText(/onerror/).tagName).toBe('BDI');
  });
});

import { useContext } from 'react';
import { ApiErrorsContext } from '../provider/api-errors-provider.js';
import { useApiErrorsT } from '../provider/use-api-errors-t.js';
import { ActionButton } from './action-button.js';
import { ErrorIcon } from './error-icon.js';

/** What `CertificateVerified` reads of a mutation: `useVerifyCertificate()`'s result fits. */
export interface VerificationMutation {
  isSuccess: boolean;
  /** The API's answer: `certificateStatus`, `ownerRecordNumber`, `recordId` (inferred from V1). */
  data?: Readonly<Record<string, unknown>>;
  /** The request, for the certificate's code. */
  variables?: unknown;
  reset: () => void;
}

export interface CertificateVerifiedProps {
  /** The verification: `useVerifyCertificate()`'s result. */
  mutation: VerificationMutation;
  /**
   * "核销下一张": on to the next certificate. Default: the provider's `onEnterCertificateCode`
   * (called with no error), else the outcome is cleared (`mutation.reset()`).
   * @example onNext={() => codeInput.current?.select()}
   */
  onNext?: () => unknown;
}

/** The first of `names` in `data` that is text or a number: the API's own, shown as text. */
function firstValue(data: unknown, ...names: string[]): string | undefined {
  for (const name of names) {
    const value =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/**
 * The desk's outcome when a certificate is verified: the tick and "核销成功" in the success tone —
 * a tone no refusal shares (100324, already verified, is amber) — with the record the API
 * returned (the certificate's code, its status now, its record), each value the server's text in
 * a `<bdi>`, and "核销下一张" leading. A polite live region that exists before it is filled; focus
 * stays where the verifier is (the code's input, for the scanner). Staff texts (`zhStaff` …).
 * @example
 * <section aria-label="核销结果">
 *   <ApiErrorView mutation={verify} />
 *   <CertificateVerified mutation={verify} />
 * </section>
 */
export function CertificateVerified({ mutation, onNext }: CertificateVerifiedProps) {
  const t = useApiErrorsT();
  const { onEnterCertificateCode } = useContext(ApiErrorsContext).handlers;
  const next = onNext ?? (onEnterCertificateCode as (() => unknown) | undefined) ?? mutation.reset;
  const { data, variables } = mutation;
  const rows = [
    ['ui.verifiedCode_staff', firstValue(variables, 'certificate_code')],
    ['ui.verifiedStatus_staff', firstValue(data, 'certificateStatus', 'certificate_status')],
    ['ui.verifiedRecord_staff', firstValue(data, 'ownerRecordNumber', 'recordId', 'record_id')],
  ] as const;
  return (
    <div className="cae-region" role="status">
      {mutation.isSuccess && (
        <div className="cae-error cae-error--inline cae-tone--done cae-success" data-tone="done">
          <ErrorIcon tone="done" className="cae-error__icon" />
          <div className="cae-error__body">
            <p className="cae-error__title">{t('ui.verified_staff')}</p>
            <dl className="cae-success__record">
              {rows.map(
                ([label, value]) =>
                  value !== undefined && (
                    <div key={label} className="cae-success__row">
                      <dt>{t(label)}</dt>
                      <dd>
                        <bdi>{value}</bdi>
                      </dd>
                    </div>
                  ),
              )}
            </dl>
            <div className="cae-error__actions">
              <ActionButton primary onAction={next}>
                {t('ui.verifyNext_staff')}
              </ActionButton>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

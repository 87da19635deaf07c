import { type FormEvent, useRef, useState } from 'react';
import type { VerifyCertificateRequest } from '../../src/client/index.js';
import { ApiErrorsProvider, ApiErrorView, useVerifyCertificate } from '../../src/react/index.js';

export interface CertificateVerificationPageProps {
  /** Restrict verification to one form (a mismatch answers 100323). */
  tplId?: number;
  /** The host's identity flow; resolves `true` when the verifier completed their profile. */
  completeIdentity: () => Promise<boolean>;
}

/** A host page: a verifier at a desk checks certificates (凭证核销). */
export function CertificateVerificationPage({ tplId, completeIdentity }: CertificateVerificationPageProps) {
  const verify = useVerifyCertificate();
  const codeInput = useRef<HTMLInputElement>(null);
  const authCodeInput = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState({
    certificateCode: 'https://qr.cli.im/c/CERT-1',
    action: 'set_next_certificate_status' as VerifyCertificateRequest['action_type'],
    toStatus: '已核销',
    authCode: '',
  });
  const request = (): VerifyCertificateRequest => ({
    certificate_code: form.certificateCode,
    action_type: form.action,
    ...(form.action === 'set_certificate_status' ? { to_certificate_status: form.toStatus } : {}),
    ...(form.authCode ? { auth_code: form.authCode } : {}),
    ...(tplId === undefined ? {} : { tpl_id: tplId }),
  });
  const send = () => verify.mutateAsync(request());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(request());
  };
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  return (
    <main className="example">
      <h1>凭证核销</h1>
      <ApiErrorsProvider
        onCompleteIdentity={completeIdentity}
        onEnterAuthCode={() => authCodeInput.current?.focus()}
        onEnterCertificateCode={() => codeInput.current?.select()}
        onChooseAnother={() => document.getElementById('verify-action')?.focus()}
      >
        <form onSubmit={onSubmit} className="example__form">
          <label className="example__field">
            凭证码
            <input ref={codeInput} value={form.certificateCode} onChange={update('certificateCode')} />
          </label>
          <label className="example__field">
            核销方式
            <select id="verify-action" value={form.action} onChange={update('action')}>
              <option value="set_next_certificate_status">进入下一状态</option>
              <option value="set_certificate_status">设为指定状态</option>
            </select>
          </label>
          <label className="example__field">
            目标状态
            <input value={form.toStatus} onChange={update('toStatus')} />
          </label>
          <label className="example__field">
            核销授权码
            <input ref={authCodeInput} value={form.authCode} onChange={update('authCode')} />
          </label>
          <ApiErrorView
            error={verify.isPending ? verify.failureReason : verify.error}
            write={!verify.isPending}
            onRetry={verify.isPending ? undefined : send}
          />
          {verify.isSuccess && (
            <p role="status" className="example__done">
              {`核销成功\uFF1A${String(verify.data.certificateStatus)}`}
            </p>
          )}
          <button type="submit" className="cae-button cae-button--primary">
            核销
          </button>
        </form>
      </ApiErrorsProvider>
    </main>
  );
}

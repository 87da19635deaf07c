'use client';

import {
  ApiErrorsProvider,
  ApiErrorView,
  CertificateVerified,
  useSubmitButton,
  useVerifyCertificate,
} from 'caoliao-api-errors';
import type { VerifyCertificateRequest } from 'caoliao-api-errors/client';
import { useRef, useState } from 'react';

/** README's "Recipe: a certificate-verification page", as a Next.js client component. */
export function VerifyPage() {
  const verify = useVerifyCertificate();
  const button = useSubmitButton(verify, { audience: 'staff' }); // "20 秒后可以重试" while a 429 waits
  const codeInput = useRef<HTMLInputElement>(null);
  const authCodeInput = useRef<HTMLInputElement>(null);
  const [request, setRequest] = useState<VerifyCertificateRequest>({
    certificate_code: '',
    action_type: 'set_next_certificate_status',
  });
  const next = () => {
    verify.reset();
    codeInput.current?.select();
  };
  return (
    <ApiErrorsProvider
      onEnterAuthCode={() => authCodeInput.current?.focus()} // 100327
      onEnterCertificateCode={next} // 100320, 100323, and "核销下一张" after a success or 100321/100322/100324
    >
      <label htmlFor="certificate-code">凭证码</label>
      <input
        id="certificate-code"
        ref={codeInput}
        className="cae-input"
        value={request.certificate_code}
        onChange={(event) => setRequest({ ...request, certificate_code: event.target.value })}
      />
      <label htmlFor="auth-code">核销授权码</label>
      <input
        id="auth-code"
        ref={authCodeInput}
        className="cae-input"
        value={request.auth_code ?? ''}
        onChange={(event) => setRequest({ ...request, auth_code: event.target.value || undefined })}
      />
      <button
        type="button"
        className={button.className}
        aria-disabled={button.disabled || undefined}
        onClick={() => button.disabled || verify.mutate(request)}
      >
        {button.label ?? (button.sending ? '核销中…' : '核销')}
      </button>
      {/* busy while a verification is on its way (not during a 429's wait, which its view announces) */}
      <section
        aria-label="核销结果"
        aria-busy={(verify.isPending && verify.failureReason == null) || undefined}
      >
        <ApiErrorView mutation={verify} />
        <CertificateVerified mutation={verify} />
      </section>
    </ApiErrorsProvider>
  );
}

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { VerifyCertificateRequest } from '../../src/client/index.js';
import { type ApiError, describeError } from '../../src/core/index.js';
import {
  ApiErrorsProvider,
  ApiErrorView,
  CertificateVerified,
  useSubmitButton,
  useVerifyCertificate,
} from '../../src/react/index.js';
import type { PageTexts, World } from './page-texts.js';
import './examples.css';

export interface CertificateVerificationPageProps {
  /** Restrict verification to one form (a mismatch answers 100323). */
  tplId?: number;
  /** The host's identity flow; resolves `true` when the verifier completed their profile. */
  completeIdentity: () => Promise<boolean>;
  /** The page's own words, in its language. */
  texts: PageTexts;
  /** The organization's data in the page's language (its status labels). */
  world: World;
}

/**
 * What the verifier must change before the same verification can run again, by the first action
 * the catalog gives the refusal (per code where one action means different things): the hint under
 * the locked button says the same as the outcome beside it.
 */
const CHANGE_HINTS: Record<string, keyof PageTexts> = {
  'enter-certificate-code': 'changeCode',
  'enter-auth-code': 'changeAuthCode',
  'choose-another_100325': 'changeMethod',
  'choose-another_100326': 'changeTarget',
};

function changeHintOf(error: unknown): keyof PageTexts | undefined {
  const { retry, actions, key } = describeError(error);
  const [first] = actions;
  // A refusal that changes without the request changing (permission granted, approval given) locks nothing.
  if (retry !== 'never' || first === undefined) return undefined;
  return CHANGE_HINTS[`${first}_${key}`] ?? CHANGE_HINTS[first];
}

/** A labelled control of the desk, with its hint (`<id>-hint`, for the control's `aria-describedby`). */
function DeskField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="cae-field demo-field">
      <label className="demo-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="demo-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}

/** A host page: a verifier at a desk checks certificates (凭证核销), one after another. */
export function CertificateVerificationPage({
  tplId,
  completeIdentity,
  texts,
  world,
}: CertificateVerificationPageProps) {
  const verify = useVerifyCertificate();
  // The desk's 核销 never contradicts the outcome: a 429's wait disables it and says so.
  const button = useSubmitButton(verify, { audience: 'staff' });
  const codeInput = useRef<HTMLInputElement>(null);
  const authCodeInput = useRef<HTMLInputElement>(null);
  const actionSelect = useRef<HTMLSelectElement>(null);
  const targetInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLElement>(null);
  const [form, setForm] = useState({
    certificateCode: 'https://qr.cli.im/c/CERT-1',
    action: 'set_next_certificate_status' as VerifyCertificateRequest['action_type'],
    toStatus: world.statuses[1] ?? '',
    authCode: '',
  });
  const request = (): VerifyCertificateRequest => ({
    certificate_code: form.certificateCode,
    action_type: form.action,
    ...(form.action === 'set_certificate_status' ? { to_certificate_status: form.toStatus } : {}),
    ...(form.authCode ? { auth_code: form.authCode } : {}),
    ...(tplId === undefined ? {} : { tpl_id: tplId }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!blocked && !button.disabled) verify.mutate(request());
  };
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const nextCertificate = () => {
    verify.reset();
    codeInput.current?.select();
  };
  // 100326 asks for another target status, which only "set a status" sends: switch to it, then
  // the status is one keystroke away; 100325 asks for another method.
  const chooseAnother = (error: ApiError) => {
    if (error.errorCode !== 100326) return actionSelect.current?.focus();
    flushSync(() => setForm((current) => ({ ...current, action: 'set_certificate_status' })));
    targetInput.current?.select();
  };
  // On a phone the outcome sits below the form: bring it into view when it changes.
  useEffect(() => {
    if (verify.status === 'success' || verify.status === 'error')
      outcome.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [verify.status]);
  // The same request would be refused the same way: verifying waits until the part the refusal
  // names (the code, the method, the target status, the authorization code) has changed.
  const changeHint = verify.error == null ? undefined : changeHintOf(verify.error);
  const blocked = changeHint !== undefined && JSON.stringify(verify.variables) === JSON.stringify(request());
  const setsStatus = form.action === 'set_certificate_status';

  return (
    <div className="demo demo--desk">
      <header className="desk-bar">
        <h1>{texts.deskTitle}</h1>
        <p>{texts.deskOperator}</p>
      </header>
      <ApiErrorsProvider
        audience="staff"
        contactHref="tel:+864008123456"
        onCompleteIdentity={completeIdentity}
        onEnterAuthCode={() => authCodeInput.current?.select()}
        onEnterCertificateCode={nextCertificate}
        onChooseAnother={chooseAnother}
      >
        <main className="desk-grid">
          <form onSubmit={onSubmit} className="desk-panel demo-form" aria-labelledby="scan-title">
            <h2 id="scan-title">{texts.scanTitle}</h2>
            <DeskField id="certificate-code" label={texts.codeLabel} hint={texts.codeHint}>
              <input
                id="certificate-code"
                ref={codeInput}
                className="cae-input desk-code"
                aria-describedby="certificate-code-hint"
                value={form.certificateCode}
                onChange={update('certificateCode')}
              />
            </DeskField>
            <div className="desk-row">
              <DeskField id="verify-action" label={texts.methodLabel}>
                <select
                  id="verify-action"
                  ref={actionSelect}
                  className="cae-input"
                  value={form.action}
                  onChange={update('action')}
                >
                  <option value="set_next_certificate_status">{texts.methodNext}</option>
                  <option value="set_certificate_status">{texts.methodSet}</option>
                </select>
              </DeskField>
              {/* Sent only when setting a status: editing it for "next status" would change nothing. */}
              <DeskField
                id="target-status"
                label={texts.targetLabel}
                hint={setsStatus ? undefined : texts.targetHint}
              >
                <input
                  id="target-status"
                  ref={targetInput}
                  className="cae-input"
                  disabled={!setsStatus}
                  aria-describedby={setsStatus ? undefined : 'target-status-hint'}
                  value={form.toStatus}
                  onChange={update('toStatus')}
                />
              </DeskField>
            </div>
            <DeskField id="auth-code" label={texts.authLabel} hint={texts.authHint}>
              <input
                id="auth-code"
                ref={authCodeInput}
                className="cae-input"
                aria-describedby="auth-code-hint"
                value={form.authCode}
                onChange={update('authCode')}
              />
            </DeskField>
            <button
              type="submit"
              // Locked until the refusal's cause has changed: then it does not lead either.
              className={`${blocked ? 'cae-button' : button.className} demo-submit`}
              aria-disabled={button.disabled || blocked || undefined}
              aria-describedby={blocked ? 'verify-blocked' : undefined}
            >
              {button.label ?? (button.sending ? texts.verifying : texts.verify)}
            </button>
            {blocked && changeHint && (
              <p className="demo-hint" id="verify-blocked">
                {texts[changeHint]}
              </p>
            )}
          </form>
          <section
            ref={outcome}
            className="desk-panel desk-outcome"
            aria-labelledby="outcome-title"
            // Busy while a verification is on its way; not during a 429's wait, which its view announces.
            aria-busy={(verify.isPending && verify.failureReason == null) || undefined}
          >
            <h2 id="outcome-title" className="desk-outcome__label">
              {texts.outcomeTitle}
            </h2>
            {/* The refusal's region and the verified one; both there before they are filled. */}
            <ApiErrorView mutation={verify} />
            <CertificateVerified mutation={verify} />
            {verify.isIdle && <p className="demo-idle">{texts.outcomeIdle}</p>}
          </section>
        </main>
      </ApiErrorsProvider>
    </div>
  );
}

import { useContext, useMemo } from 'react';
import {
  type ApiError,
  describeError,
  type ErrorKey,
  type ErrorTone,
  getErrorReference,
  type RecoveryAction,
  toApiError,
} from '../../core/index.js';
import type { ApiErrorsAudience } from '../../i18n/resource.js';
import { ApiErrorsContext } from './api-errors-provider.js';
import { textKeys, textSituation } from './text-keys.js';
import { useApiErrorsT } from './use-api-errors-t.js';

/** The raw facts of an error, for the collapsible details area and for support. */
export interface ApiErrorDetails {
  kind: ApiError['kind'];
  code?: number;
  errorCode?: number;
  status?: number;
  serverMessage?: string;
  detail?: string;
  endpoint?: string;
  /** A reference to quote to support; see `getErrorReference`. */
  reference: string;
}

export interface ApiErrorText {
  key: ErrorKey;
  /** How it looks at a glance: `error`, `warning`, `neutral`, `fix`, `wait` or `done`. */
  tone: ErrorTone;
  /** The headline, for the person at the screen. */
  title: string;
  description: string;
  /** "Error 100399", shown when the catalog does not know the number yet. */
  unknownNumber?: string;
  /** The recovery actions of the catalog, the most useful first, with their labels. */
  actions: { id: RecoveryAction; label: string }[];
  /**
   * A write that failed after it may have been stored: resending it is the person's informed
   * choice, not the leading action — unless `resendIsSafe`.
   */
  mayHaveBeenStored: boolean;
  /**
   * A write that may have been stored, whose resend cannot store it twice (it carries the same
   * idempotency key, which the proxy remembers): the resend leads. Never for the `staff`: the
   * proxy cannot look a verification up.
   * @example <Button type={text.mayHaveBeenStored && !text.resendIsSafe ? 'default' : 'primary'}>
   */
  resendIsSafe: boolean;
  details: ApiErrorDetails;
}

export interface ApiErrorTextOptions {
  /**
   * The failed request was a write (a submission, a verification): its texts say so, and a
   * 502, network failure or timeout says the submission may have been stored.
   */
  write?: boolean;
  /** Who reads it; default: the provider's `audience`, else `public`. */
  audience?: ApiErrorsAudience;
}

const GENERIC_KEYS: readonly ErrorKey[] = ['unknown', 'http'];

/**
 * The localized texts of an error, for hosts that render with their own kit (antd, MUI …).
 * Anything thrown is accepted; texts follow the current language and the reader.
 *
 * @example
 * const { title, description, actions, tone } = useApiErrorText(error, { write: true });
 * const status = { done: 'success', neutral: 'info', wait: 'info', fix: 'warning', warning: 'warning' };
 * return <Result status={status[tone] ?? 'error'} title={title} subTitle={description}
 *   extra={actions.map((action) => <Button key={action.id}>{action.label}</Button>)} />;
 */
export function useApiErrorText(error: unknown, options: ApiErrorTextOptions = {}): ApiErrorText {
  const t = useApiErrorsT();
  const write = options.write ?? false;
  const provided = useContext(ApiErrorsContext).audience;
  const audience = options.audience ?? provided ?? 'public';
  return useMemo(() => {
    const apiError = toApiError(error);
    const { key, actions, number, tone } = describeError(apiError);
    const { kind, code, errorCode, status, serverMessage, detail, endpoint } = apiError;
    // The first attempt may have arrived: resending is the person's informed choice, unless the
    // proxy remembers its key.
    const situation = textSituation(apiError, { write, audience });
    const texts = { write, audience, idempotent: situation.idempotent };
    return {
      key,
      tone,
      title: t(textKeys(`errors.${key}.title`, texts)),
      description: t(textKeys(`errors.${key}.description`, texts)),
      unknownNumber:
        GENERIC_KEYS.includes(key) && number !== undefined ? t('ui.errorNumber', { number }) : undefined,
      actions: actions.map((id) => ({
        id,
        label: t(textKeys(`actions.${id}`, { ...situation, key })),
      })),
      mayHaveBeenStored: situation.ambiguous === true,
      resendIsSafe: situation.idempotent === true,
      details: {
        kind,
        code,
        errorCode,
        status,
        serverMessage,
        detail,
        endpoint,
        reference: getErrorReference(error),
      },
    };
  }, [error, t, write, audience]);
}

import { useMemo } from 'react';
import {
  type ApiError,
  describeError,
  type ErrorKey,
  type RecoveryAction,
  toApiError,
} from '../core/index.js';
import { getErrorReference } from './error-reference.js';
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
  /** The headline, for the person at the screen. */
  title: string;
  description: string;
  /** "Error 100399", shown when the catalog does not know the number yet. */
  unknownNumber?: string;
  /** The recovery actions of the catalog, the most useful first, with their labels. */
  actions: { id: RecoveryAction; label: string }[];
  details: ApiErrorDetails;
}

const GENERIC_KEYS: readonly ErrorKey[] = ['unknown', 'http'];

/**
 * The localized texts of an error, for hosts that render with their own kit (antd, MUI …).
 * Anything thrown is accepted; texts follow the current language.
 *
 * @example
 * const { title, description, actions } = useApiErrorText(error);
 * return <Result status="warning" title={title} subTitle={description}
 *   extra={actions.map((action) => <Button key={action.id}>{action.label}</Button>)} />;
 */
export function useApiErrorText(error: unknown): ApiErrorText {
  const t = useApiErrorsT();
  return useMemo(() => {
    const apiError = toApiError(error);
    const { key, actions, number } = describeError(apiError);
    const { kind, code, errorCode, status, serverMessage, detail, endpoint } = apiError;
    return {
      key,
      title: t(`errors.${key}.title`),
      description: t(`errors.${key}.description`),
      unknownNumber:
        GENERIC_KEYS.includes(key) && number !== undefined ? t('ui.errorNumber', { number }) : undefined,
      actions: actions.map((id) => ({ id, label: t(`actions.${id}`) })),
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
  }, [error, t]);
}

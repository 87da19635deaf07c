import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createApiErrorsI18n } from '../../src/i18n/index.js';
import { ApiErrorsProvider, type ApiErrorsProviderProps } from '../../src/react/index.js';

/** Renders `ui` with the library's private i18n instance in `lng`; `rerender` keeps the provider. */
export function renderIn(
  lng: 'zh' | 'en',
  ui: ReactElement,
  props: Omit<ApiErrorsProviderProps, 'children'> = {},
) {
  const i18n = createApiErrorsI18n(lng);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiErrorsProvider i18n={i18n} {...props}>
      {children}
    </ApiErrorsProvider>
  );
  return render(ui, { wrapper });
}

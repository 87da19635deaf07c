'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { ApiClientProvider, ApiErrorsProvider, createApiQueryClient } from 'caoliao-api-errors';
import { createApiClient } from 'caoliao-api-errors/client';
import { zh, zhStaff } from 'caoliao-api-errors/i18n';
import { type ReactNode, useState } from 'react';

export interface ApiProvidersProps {
  /** The page's own proxy: the route handler under `app/caoliao/<page>/[...path]`. */
  baseUrl: '/caoliao/form' | '/caoliao/desk';
  /** A visitor on the phone form, or the staff at the desk. */
  audience: 'public' | 'staff';
  children: ReactNode;
}

/**
 * React Query, the API client and the error views' texts, for one page. A client component: made once
 * per browser tab in `useState` (a module-level client would be shared by every request on the server).
 */
export function ApiProviders({ baseUrl, audience, children }: ApiProvidersProps) {
  const [queryClient] = useState(() => createApiQueryClient());
  const [client] = useState(() => createApiClient({ baseUrl }));
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <ApiErrorsProvider
          languages={{ zh: audience === 'staff' ? zhStaff : zh }}
          audience={audience}
          contactHref="tel:+864008123456"
        >
          {children}
        </ApiErrorsProvider>
      </ApiClientProvider>
    </QueryClientProvider>
  );
}

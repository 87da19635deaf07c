import { createContext, type ReactNode, useContext } from 'react';
import type { ApiClient } from '../../client/index.js';

const ApiClientContext = createContext<ApiClient | null>(null);

export interface ApiClientProviderProps {
  /**
   * The client every hook below uses.
   * @example <ApiClientProvider client={createApiClient({ baseUrl: '/caoliao' })}>…</ApiClientProvider>
   */
  client: ApiClient;
  children?: ReactNode;
}

/** Gives the query and mutation hooks their `ApiClient`. Put it inside your `QueryClientProvider`. */
export function ApiClientProvider({ client, children }: ApiClientProviderProps) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

/** The `ApiClient` of the nearest `ApiClientProvider`. */
export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client)
    throw new Error('useApiClient: wrap your app in <ApiClientProvider client={createApiClient(…)}>.');
  return client;
}

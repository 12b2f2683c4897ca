import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@mentoring/shared';

const ApiContext = createContext<ApiClient | null>(null);

/** Gives the screens the typed API client, made once with the launch's token. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiProvider');
  return api;
}

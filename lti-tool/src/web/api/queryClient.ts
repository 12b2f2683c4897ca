import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@mentoring/shared';
import { endSession } from '../app/session.ts';

const endOn401 = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) endSession();
};

/**
 * Retries only what may pass on a second try (network, 5xx, 429); a 403 or 404 is an answer,
 * shown as it is.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: endOn401 }),
    mutationCache: new MutationCache({ onError: endOn401 }),
    defaultOptions: {
      queries: {
        staleTime: 20_000,
        retry: (count, error) => error instanceof ApiError && error.retryable && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

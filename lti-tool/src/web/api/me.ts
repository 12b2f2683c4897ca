import { useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext.tsx';

export const meKeys = { me: () => ['me'] as const };

/** The signed-in person and program role; decides which home the app shows. */
export function useMe(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: meKeys.me(), queryFn: () => api.me({}), staleTime: Infinity, enabled });
}

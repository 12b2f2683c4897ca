/** Connected browsers: pairing codes for the extension, and revoking a browser's token. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiContext.tsx';

export const connectionKeys = {
  list: () => ['connections'] as const,
};

/** While a code is shown, the list is polled so the new browser appears as soon as it connects. */
export function useConnections(watching = false) {
  const api = useApi();
  return useQuery({
    queryKey: connectionKeys.list(),
    queryFn: () => api.listConnections({}),
    refetchInterval: watching ? 3_000 : false,
  });
}

export function useCreatePairingCode() {
  const api = useApi();
  return useMutation({ mutationFn: () => api.createPairingCode({}) });
}

export function useRevokeConnection() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeConnection({ params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: connectionKeys.list() }),
  });
}

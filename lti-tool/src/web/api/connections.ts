/** Connected browsers: pairing codes for the extension, and revoking a browser's token. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';

export const connectionKeys = {
  list: () => ['connections'] as const,
};

export const connectionQueries = {
  list: (api: ApiClient) =>
    queryOptions({ queryKey: connectionKeys.list(), queryFn: ({ signal }) => api.listConnections({ signal }) }),
};

/** While a code is shown, the list is polled so the new browser appears as soon as it connects. */
export function useConnections(watching = false) {
  const api = useApi();
  return useQuery({
    ...connectionQueries.list(api),
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

export function useRenameConnection() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string }) =>
      api.renameConnection({ params: { id }, body: { label } }),
    onSettled: () => qc.invalidateQueries({ queryKey: connectionKeys.list() }),
  });
}

/** Store listings and the tool's own packages; they change only when the tool is rebuilt or reconfigured. */
export function useExtensionDownloads() {
  const api = useApi();
  return useQuery({
    queryKey: ['extension-downloads'],
    queryFn: ({ signal }) => api.extensionDownloads({ signal }),
    staleTime: Infinity,
  });
}

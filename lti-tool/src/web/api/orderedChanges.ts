import type { QueryClient, QueryKey, UseMutationOptions } from '@tanstack/react-query';

type Context<TList> = { before: TList | undefined };

/**
 * Mutation options for changes a person makes in quick succession to one cached list: agenda moves,
 * an action ticked and its undo. Each shows at once; they reach the tool one at a time, in the order
 * made; and a reply is shown only when no later change is still on its way. An earlier reply would
 * put back a state the person has already moved past, and their next press would act on that.
 */
export function orderedChanges<TVars, TReply, TList>(
  qc: QueryClient,
  o: {
    /** The cached list the changes show in. */
    queryKey: QueryKey;
    /** Names this kind of change, so other changes to the same list do not wait for it. */
    kind: string;
    mutationFn: (vars: TVars) => Promise<TReply>;
    /** The list as it will be once the tool has the change. */
    optimistic: (list: TList, vars: TVars) => TList;
    /** The list with the tool's reply in it. */
    settled: (list: TList, reply: TReply) => TList;
    /** After every reply, last or not: what else the change makes stale. */
    onReply?: () => void;
  },
): UseMutationOptions<TReply, Error, TVars, Context<TList>> {
  const mutationKey = [...o.queryKey, o.kind];
  const isLast = () => qc.isMutating({ mutationKey, exact: true }) <= 1;
  return {
    mutationKey,
    scope: { id: JSON.stringify(mutationKey) },
    mutationFn: o.mutationFn,
    onMutate: async (vars) => {
      await qc.cancelQueries({ queryKey: o.queryKey });
      const before = qc.getQueryData<TList>(o.queryKey);
      qc.setQueryData<TList>(o.queryKey, (old) => old && o.optimistic(old, vars));
      return { before };
    },
    onError: (_error, _vars, ctx) => {
      if (!isLast()) return;
      // Put back what was shown before this change, then ask the tool what it really holds.
      qc.setQueryData(o.queryKey, ctx?.before);
      void qc.invalidateQueries({ queryKey: o.queryKey });
    },
    onSuccess: (reply) => {
      if (isLast()) qc.setQueryData<TList>(o.queryKey, (old) => old && o.settled(old, reply));
      o.onReply?.();
    },
  };
}

import { useEffect } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiClient, Locale, Me } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { notificationKeys } from './notifications.ts';

export const meKeys = { me: () => ['me'] as const };

/** A new language or time zone: the notices, worded by the server in them, are asked for again. */
function keepMe(qc: QueryClient, me: Me) {
  qc.setQueryData(meKeys.me(), me);
  void qc.invalidateQueries({ queryKey: notificationKeys.list() });
}

export const meQueries = {
  me: (api: ApiClient) =>
    queryOptions({ queryKey: meKeys.me(), queryFn: ({ signal }) => api.me({ signal }), staleTime: Infinity }),
};

/** The zone each API client has sent: every component that reads `me` runs the effect below, one sends. */
const zoneSent = new WeakMap<ApiClient, string>();

/** The signed-in person and program role; decides which home the app shows. */
export function useMe(enabled = true) {
  const api = useApi();
  const qc = useQueryClient();
  const me = useQuery({ ...meQueries.me(api), enabled });
  const loaded = me.data !== undefined;
  const kept = me.data?.timeZone ?? null;
  // The server writes e-mail and export times in the person's zone: it learns it from the browser.
  useEffect(() => {
    if (!loaded) return;
    const here = browserTimeZone();
    if (!here || here === kept || zoneSent.get(api) === here) return;
    zoneSent.set(api, here);
    api.reportTimeZone({ body: { timeZone: here } }).then(
      (updated) => keepMe(qc, updated),
      () => zoneSent.delete(api),
    );
  }, [api, qc, loaded, kept]);
  return me;
}

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Keeps the person's choice of language; the app switches once `me` says so. */
export function useChooseLocale() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale | null) => api.chooseLocale({ body: { locale } }),
    onSuccess: (me) => keepMe(qc, me),
  });
}

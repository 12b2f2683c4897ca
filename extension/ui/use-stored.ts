/** React views of values the extension keeps in browser storage, live across its parts. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CONNECTION_KEY, type Connection } from '@/lib/connection';
import { OUTBOX_STATUS_KEY, type OutboxStatus } from '@/lib/outbox';
import { QUEUE_KEY, type QueuedClip } from '@/lib/queue';

type Area = 'local' | 'session';

/** The stored value (undefined while it is being read, null when absent), updated on every change. */
export function useStored<T>(area: Area, key: string | null): T | null | undefined {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    if (key === null) {
      setValue(null);
      return;
    }
    let live = true;
    void browser.storage[area].get(key).then((stored) => live && setValue((stored[key] as T | undefined) ?? null));
    const onChange = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
      if (changedArea === area && key in changes) setValue((changes[key]!.newValue as T | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, [area, key]);
  return value;
}

export const useConnection = () => useStored<Connection>('local', CONNECTION_KEY);
export const useQueue = () => useStored<QueuedClip[]>('local', QUEUE_KEY) ?? [];
export const useOutboxStatus = () => useStored<OutboxStatus>('local', OUTBOX_STATUS_KEY);

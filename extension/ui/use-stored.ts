/** React views of values the extension keeps in browser storage, live across its parts. */
import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { connectionItem, keptPassagesItem, outboxItem, outboxStatusItem } from '@/lib/stored';

/**
 * The item's value (undefined while it is being read), updated on every change. `item` is looked
 * up by its key, so an item made afresh on each render is followed once.
 */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>> | null): T | null | undefined {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  const key = item?.key ?? null;
  useEffect(() => {
    if (!item) {
      setValue(null);
      return;
    }
    let live = true;
    setValue(undefined);
    void item.getValue().then((stored) => live && setValue(stored));
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      live = false;
      unwatch();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the item is the same while its key is
  }, [key]);
  return value;
}

export const useConnection = () => useStored(connectionItem);
export const useQueue = () => useStored(outboxItem) ?? [];
export const useOutboxStatus = () => useStored(outboxStatusItem);
export const useKeptPassages = () => useStored(keptPassagesItem) ?? [];

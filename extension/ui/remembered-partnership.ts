/** The partnership last chosen, in the picker or the side panel: clipping again needs no choice. */
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { Partnership } from '@mentoring/shared';
import { useStored } from './use-stored.ts';

const KEY = 'lastPartnershipId';

export function rememberPartnership(id: string): Promise<void> {
  return browser.storage.local.set({ [KEY]: id });
}

/** The remembered partnership if it is still one of `partnerships`, else the first; null while loading. */
export function useChosenPartnership(partnerships: readonly Partnership[] | undefined): string | null {
  const remembered = useStored<string>('local', KEY);
  const valid = partnerships?.some((p) => p.id === remembered) ? remembered! : (partnerships?.[0]?.id ?? null);
  useEffect(() => {
    if (remembered !== undefined && valid && valid !== remembered) void rememberPartnership(valid);
  }, [remembered, valid]);
  return remembered === undefined ? null : valid;
}

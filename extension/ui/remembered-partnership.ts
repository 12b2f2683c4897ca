/** The partnership last chosen, in the picker or the side panel: clipping again needs no choice. */
import { useEffect } from 'react';
import type { Partnership } from '@mentoring/shared';
import { lastPartnershipItem } from '@/lib/stored';
import { useStored } from './use-stored.ts';

export function rememberPartnership(id: string): Promise<void> {
  return lastPartnershipItem.setValue(id);
}

/** The remembered partnership if it is still one of `partnerships`, else the first; null while loading. */
export function useChosenPartnership(partnerships: readonly Partnership[] | undefined): string | null {
  const remembered = useStored(lastPartnershipItem);
  const valid = partnerships?.some((p) => p.id === remembered) ? remembered! : (partnerships?.[0]?.id ?? null);
  useEffect(() => {
    if (remembered !== undefined && valid && valid !== remembered) void rememberPartnership(valid);
  }, [remembered, valid]);
  return remembered === undefined ? null : valid;
}

/**
 * Passages kept for filing later: captured while no partnership could be chosen (the tool
 * unreachable and no saved list of partnerships). They wait in this browser until the person
 * files them from the toolbar popup, which opens the picker with the passage again.
 */
import { t } from '@lingui/core/macro';
import type { Capture } from './capture.ts';
import { openPicker } from './picker-handoff.ts';
import { keptPassagesItem } from './stored.ts';

export interface KeptPassage {
  id: string;
  capture: Capture;
  keptAt: number;
}

/** Keeps a passage; the same quote from the same page is kept once. */
export async function keepPassage(capture: Capture, now = Date.now()): Promise<KeptPassage> {
  const kept = await keptPassagesItem.getValue();
  const same = kept.find((k) => k.capture.url === capture.url && k.capture.quote === capture.quote);
  if (same) return same;
  const passage = { id: crypto.randomUUID(), capture, keptAt: now };
  await keptPassagesItem.setValue([...kept, passage]);
  return passage;
}

export async function forgetKept(id: string): Promise<void> {
  await keptPassagesItem.setValue((await keptPassagesItem.getValue()).filter((k) => k.id !== id));
}

/** Opens the picker for a kept passage; it is forgotten once the picker has saved it. */
export async function fileKept(id: string): Promise<void> {
  const passage = (await keptPassagesItem.getValue()).find((k) => k.id === id);
  if (!passage) throw new Error(t`This passage is no longer kept in this browser.`);
  await openPicker({ capture: passage.capture, keptId: passage.id });
}

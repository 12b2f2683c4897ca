/**
 * Handing a captured passage (or the reason there is none) to a new picker window. The passage
 * waits in `browser.storage.session` under an id carried in the picker's address.
 */
import { browser } from 'wxt/browser';
import type { Capture } from './capture.ts';
import { pickerInputItem } from './stored.ts';

/** `keptId`: the passage was kept for filing later, and is forgotten once filed. */
export type PickerInput =
  { capture: Capture; keptId?: string; problem?: undefined } | { problem: string; capture?: undefined };

export async function openPicker(input: PickerInput): Promise<void> {
  const id = crypto.randomUUID();
  await pickerInputItem(id).setValue(input);
  await browser.windows.create({
    url: browser.runtime.getURL(`/picker.html?id=${id}`),
    type: 'popup',
    width: 480,
    height: 640,
  });
}

export const readPickerInput = (id: string) => pickerInputItem(id).getValue();

export const forgetPickerInput = (id: string) => pickerInputItem(id).removeValue();

/**
 * Handing a captured passage (or the reason there is none) to a new picker window. The passage
 * waits in `browser.storage.session` under an id carried in the picker's address.
 */
import { browser } from 'wxt/browser';
import type { Capture } from './capture.ts';

export type PickerInput = { capture: Capture; problem?: undefined } | { problem: string; capture?: undefined };

const key = (id: string) => `picker:${id}`;

export async function openPicker(input: PickerInput): Promise<void> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [key(id)]: input });
  await browser.windows.create({
    url: browser.runtime.getURL(`/picker.html?id=${id}`),
    type: 'popup',
    width: 480,
    height: 640,
  });
}

export async function readPickerInput(id: string): Promise<PickerInput | null> {
  return ((await browser.storage.session.get(key(id)))[key(id)] as PickerInput | undefined) ?? null;
}

export async function forgetPickerInput(id: string): Promise<void> {
  await browser.storage.session.remove(key(id));
}

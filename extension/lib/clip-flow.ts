/**
 * Clipping, from the moment the reader asks (context menu, keyboard command, popup) to the
 * picker, and from the picker's "Save" to the outbox and the tool.
 */
import { t } from '@lingui/core/macro';
import { browser, type Browser } from 'wxt/browser';
import { captureFromTab } from './capture.ts';
import { addClippedPages } from './clipped-pages.ts';
import { flushOutbox, type OutboxStatus } from './outbox.ts';
import { refreshPages } from './page-clips.ts';
import { openPicker, type PickerInput } from './picker-handoff.ts';
import { createReaderMenus, renameReaderMenus } from './reader-open.ts';
import { enqueue, readQueue, type QueuedClip } from './queue.ts';
import { describeError } from './problems.ts';

export const CLIP_MENU_ID = 'clip-selection';
export const CLIP_COMMAND = 'clip-selection';

/** (Re)creates the context-menu item; menus persist, so this runs on install and browser start. */
export async function createClipMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: clipMenuTitle(), contexts: ['selection'] });
  createReaderMenus();
}

const clipMenuTitle = () => t`Clip to mentoring workspace`;

/** Says the context menu's items in the extension's language, once it changes. */
export async function renameClipMenu(): Promise<void> {
  await browser.contextMenus.update(CLIP_MENU_ID, { title: clipMenuTitle() }).catch(() => undefined);
  await renameReaderMenus();
}

/** Opens the picker for the tab's selection, or with the reason nothing can be clipped. */
export async function clipFromTab(tab: Browser.tabs.Tab, menu?: Browser.contextMenus.OnClickData): Promise<void> {
  let input: PickerInput;
  try {
    input = { capture: await captureFromTab(tab, menu) };
  } catch (err) {
    input = { problem: describeError(err) };
  }
  await openPicker(input);
}

/** The context menu's click handler (also what the e2e build triggers, as Playwright cannot click native menus). */
export async function onClipMenuClicked(menu: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (menu.menuItemId !== CLIP_MENU_ID || !tab) return;
  await clipFromTab(tab, menu);
}

/** Sends the outbox, then refreshes the highlights of pages that gained clips. */
export async function sendOutbox(): Promise<OutboxStatus | null> {
  const { sent, status } = await flushOutbox();
  if (sent.length) {
    const ids = sent.flatMap((c) => c.pageIds);
    await addClippedPages(ids);
    await refreshPages(ids);
  }
  return status;
}

/** The picker's "Save": into the outbox first, then one attempt to send at once. */
export async function saveClip(
  partnershipId: string,
  body: QueuedClip['body'],
): Promise<{ sent: boolean; message: string }> {
  await enqueue(partnershipId, body);
  const status = await sendOutbox();
  const waiting = (await readQueue()).find((c) => c.id === body.id);
  if (!waiting) return { sent: true, message: t`Clipped.` };
  return { sent: false, message: waitingMessage(waiting, status) };
}

/** Why a clip waits and what will happen to it, in the clipper's words. */
export function waitingMessage(clip: Pick<QueuedClip, 'held' | 'lastError'>, status: OutboxStatus | null): string {
  if (clip.held) {
    const reason = clip.lastError ?? t`unknown reason`;
    return t`The tool did not accept this clip: ${reason}. It is kept in this browser; retry or discard it from the toolbar button.`;
  }
  switch (status?.state) {
    case 'signed-out':
      return t`Saved in this browser. You are signed out: it will be sent once you connect again.`;
    case 'not-connected':
      return t`Saved in this browser. It will be sent once this browser is connected to your workspace.`;
    case 'tool-error': {
      const problem = status.message ?? t`no details`;
      return t`Saved in this browser. The tool had a problem (${problem}); it will be sent automatically.`;
    }
    default:
      return t`Saved in this browser. The tool could not be reached; it will be sent automatically.`;
  }
}

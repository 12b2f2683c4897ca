/**
 * What the extension knows about the page in each tab: its clips and which of them were found
 * on it. Kept in `browser.storage.session` (extension pages only, gone when the browser closes),
 * so the side panel can list a page's clips, including those "not found on this page".
 */
import type { Clip, PageDocument } from '@mentoring/shared';
import type { AnchorResults } from './messages.ts';
import { allPageStates, pageStateItem, pendingScrollItem } from './stored.ts';

export interface PageState {
  /** The page's clip address (canonical when the page names one). */
  url: string;
  /** The page's identities (`documentIdentities`), by which clips made elsewhere are found on it. */
  ids: string[];
  /** What the page said about itself, to ask for its clips again. */
  document: PageDocument;
  clips: Clip[];
  found: AnchorResults;
  /** Why the page's clips could not be fetched, if they could not. */
  error: string | null;
}

export const readPageState = (tabId: number) => pageStateItem(tabId).getValue();

export const savePageState = (tabId: number, page: PageState) => pageStateItem(tabId).setValue(page);

export async function forgetPageState(tabId: number): Promise<void> {
  await Promise.all([pageStateItem(tabId).removeValue(), pendingScrollItem(tabId).removeValue()]);
}

export const readAllPageStates = allPageStates;

/** Remembers to scroll to a clip once the page opening in `tabId` has placed its highlights. */
export const scrollWhenReady = (tabId: number, clipId: string) => pendingScrollItem(tabId).setValue(clipId);

/** Whether a clip waits to be scrolled to in `tabId`. */
export async function hasPendingScroll(tabId: number): Promise<boolean> {
  return (await pendingScrollItem(tabId).getValue()) !== null;
}

export async function takePendingScroll(tabId: number): Promise<string | null> {
  const item = pendingScrollItem(tabId);
  const clipId = await item.getValue();
  if (clipId) await item.removeValue();
  return clipId;
}

/**
 * What the extension knows about the page in each tab: its clips and which of them were found
 * on it. Kept in `browser.storage.session` (extension pages only, gone when the browser closes),
 * so the side panel can list a page's clips, including those "not found on this page".
 */
import { browser } from 'wxt/browser';
import type { Clip } from '@mentoring/shared';
import type { AnchorResults } from './messages.ts';

export interface PageState {
  /** The page's clip address (canonical when the page names one). */
  url: string;
  clips: Clip[];
  found: AnchorResults;
  /** Why the page's clips could not be fetched, if they could not. */
  error: string | null;
}

export const pageKey = (tabId: number) => `page:${tabId}`;
const scrollKey = (tabId: number) => `scroll:${tabId}`;

export async function readPageState(tabId: number): Promise<PageState | null> {
  const key = pageKey(tabId);
  return ((await browser.storage.session.get(key))[key] as PageState | undefined) ?? null;
}

export async function savePageState(tabId: number, page: PageState): Promise<void> {
  await browser.storage.session.set({ [pageKey(tabId)]: page });
}

export async function forgetPageState(tabId: number): Promise<void> {
  await browser.storage.session.remove([pageKey(tabId), scrollKey(tabId)]);
}

export async function readAllPageStates(): Promise<Map<number, PageState>> {
  const all = await browser.storage.session.get(null);
  const pages = new Map<number, PageState>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('page:')) pages.set(Number(key.slice(5)), value as PageState);
  }
  return pages;
}

/** Remembers to scroll to a clip once the page opening in `tabId` has placed its highlights. */
export async function scrollWhenReady(tabId: number, clipId: string): Promise<void> {
  await browser.storage.session.set({ [scrollKey(tabId)]: clipId });
}

/** Whether a clip waits to be scrolled to in `tabId`. */
export async function hasPendingScroll(tabId: number): Promise<boolean> {
  const key = scrollKey(tabId);
  return (await browser.storage.session.get(key))[key] !== undefined;
}

export async function takePendingScroll(tabId: number): Promise<string | null> {
  const key = scrollKey(tabId);
  const clipId = (await browser.storage.session.get(key))[key] as string | undefined;
  if (clipId) await browser.storage.session.remove(key);
  return clipId ?? null;
}

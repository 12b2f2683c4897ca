/**
 * Every value the extension keeps in browser storage, declared once with WXT's typed items.
 * `local` outlives browser restarts (connection, outbox, what was last chosen, answers saved
 * from the tool under `cache:`); `session` lives until the browser closes and is readable by the
 * extension's pages only (what each tab's page holds, pickers waiting to open).
 */
import { storage } from 'wxt/utils/storage';
import type { Locale } from '@mentoring/shared';
import type { Connection } from './connection.ts';
import type { KeptPassage } from './kept-passages.ts';
import type { OutboxStatus } from './outbox.ts';
import type { PageState } from './page-state.ts';
import type { PickerInput } from './picker-handoff.ts';
import { migrateOutboxV1, type QueuedClip, type QueuedClipV1 } from './outbox-schema.ts';

export const connectionItem = storage.defineItem<Connection>('local:connection');

/**
 * The outbox. v1 (until this schema was versioned) held clips without the page's identities;
 * v2 adds them (`migrateOutboxV1`).
 */
export const outboxItem = storage.defineItem<QueuedClip[]>('local:outbox', {
  fallback: [],
  version: 2,
  migrations: { 2: (v1: QueuedClipV1[]) => migrateOutboxV1(v1) },
});

/**
 * The connected person's language as the tool resolved it (`GET /api/me`: their choice, else their
 * LMS's): saved on connecting, refreshed when the popup or side panel opens, forgotten on "Disconnect".
 */
export const personLocaleItem = storage.defineItem<Locale>('local:personLocale');

export const outboxStatusItem = storage.defineItem<OutboxStatus>('local:outboxStatus');

/** The partnership last chosen, in the picker or the side panel. */
export const lastPartnershipItem = storage.defineItem<string>('local:lastPartnershipId');

/** Passages kept for filing later, when no partnership could be chosen (see the picker). */
export const keptPassagesItem = storage.defineItem<KeptPassage[]>('local:keptPassages', { fallback: [] });

/** Answers saved from the tool; every key starts with `cache:` so "Disconnect" forgets them all. */
export const CACHE_PREFIX = 'cache:';
export interface Saved<T> {
  data: T;
  savedAt: number;
}
export const savedAnswerItem = <T>(key: string) => storage.defineItem<Saved<T>>(`local:${CACHE_PREFIX}${key}`);

/** The person's choice to open every PDF in the extension's reader (see `reader-open.ts`). */
export const pdfReaderChoiceItem = storage.defineItem<boolean>('local:openPdfsInReader', { fallback: false });

/** PDFs to let through to the browser's own viewer once, though the reader is chosen for PDFs. */
export const viewerOnceItem = storage.defineItem<string[]>('session:pdfInViewer', { fallback: [] });

export interface ClippedPages {
  /** The identities (normalised addresses, DOIs) of every page holding clips. */
  urls: string[];
  at: number;
}
export const clippedPagesItem = storage.defineItem<ClippedPages>(`local:${CACHE_PREFIX}clipped-pages`);

const PAGE_PREFIX = 'page:';
export const pageStateItem = (tabId: number) => storage.defineItem<PageState>(`session:${PAGE_PREFIX}${tabId}`);
/** Every tab's page state, by tab id. */
export async function allPageStates(): Promise<Map<number, PageState>> {
  const all = await storage.snapshot('session');
  const pages = new Map<number, PageState>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(PAGE_PREFIX)) pages.set(Number(key.slice(PAGE_PREFIX.length)), value as PageState);
  }
  return pages;
}

/** A clip to scroll to once the page opening in the tab has placed its highlights. */
export const pendingScrollItem = (tabId: number) => storage.defineItem<string>(`session:scroll:${tabId}`);

export const pickerInputItem = (id: string) => storage.defineItem<PickerInput>(`session:picker:${id}`);

/** Removes every saved answer from the tool. */
export async function forgetSavedAnswers(): Promise<void> {
  const all = await storage.snapshot('local');
  const keys = Object.keys(all).filter((k) => k.startsWith(CACHE_PREFIX));
  await storage.removeItems(keys.map((k) => `local:${k}` as const));
}

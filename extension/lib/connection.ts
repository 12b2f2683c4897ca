/**
 * This browser's connection to the mentoring tool. Kept only in `browser.storage.local`, which
 * pages cannot read; the content script never reads it either.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Me } from '@mentoring/shared';

export interface Connection {
  /** The tool's address, without a trailing slash. */
  toolUrl: string;
  /** The personal extension token; null once the tool said it was revoked (signed out). */
  token: string | null;
  me: Me;
  /** This browser's connection id on the tool, to revoke it on "Disconnect". */
  connectionId: string;
  /** Why the token stopped working, shown until the person connects again. */
  signedOutReason?: string;
}

export const CONNECTION_KEY = 'connection';

export async function readConnection(): Promise<Connection | null> {
  const stored = await browser.storage.local.get(CONNECTION_KEY);
  return (stored[CONNECTION_KEY] as Connection | undefined) ?? null;
}

export async function saveConnection(connection: Connection): Promise<void> {
  await browser.storage.local.set({ [CONNECTION_KEY]: connection });
}

/** The tool refused the token (401): keep who it was and the outbox, drop the token. */
export async function markSignedOut(reason: string): Promise<void> {
  const connection = await readConnection();
  if (!connection || connection.token === null) return;
  // Kept without its final full stop: it is shown inside sentences.
  await saveConnection({ ...connection, token: null, signedOutReason: reason.replace(/[.\s]+$/, '') });
}

/** "Disconnect": forget the token and everything cached from the tool. */
export async function forgetConnection(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await browser.storage.local.remove([CONNECTION_KEY, ...Object.keys(all).filter((k) => k.startsWith('cache:'))]);
}

/** Calls `listener` whenever the stored connection changes (connect, sign out, disconnect). */
export function onConnectionChange(listener: (connection: Connection | null) => void): () => void {
  const handle = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'local' && CONNECTION_KEY in changes)
      listener((changes[CONNECTION_KEY]!.newValue as Connection | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

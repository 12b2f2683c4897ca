/**
 * This browser's connection to the mentoring tool. Kept only in `browser.storage.local`, which
 * pages cannot read; the content script never reads it either.
 */
import type { Me } from '@mentoring/shared';
import { connectionItem, forgetSavedAnswers, personLocaleItem } from './stored.ts';

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

export function readConnection(): Promise<Connection | null> {
  return connectionItem.getValue();
}

export function saveConnection(connection: Connection): Promise<void> {
  return connectionItem.setValue(connection);
}

/** The tool refused the token (401): keep who it was and the outbox, drop the token. */
export async function markSignedOut(reason: string): Promise<void> {
  const connection = await readConnection();
  if (!connection || connection.token === null) return;
  // Kept without its final full stop: it is shown inside sentences.
  await saveConnection({ ...connection, token: null, signedOutReason: reason.replace(/[.\s]+$/, '') });
}

/** "Disconnect": forget the token, the person's language and everything cached from the tool. */
export async function forgetConnection(): Promise<void> {
  await Promise.all([connectionItem.removeValue(), personLocaleItem.removeValue(), forgetSavedAnswers()]);
}

/** Calls `listener` whenever the stored connection changes (connect, sign out, disconnect). */
export function onConnectionChange(listener: (connection: Connection | null) => void): () => void {
  return connectionItem.watch(listener);
}

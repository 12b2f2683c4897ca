/**
 * Last known answers from the tool (partnerships, goals), so the picker can file a clip offline
 * or while signed out. Cleared on "Disconnect".
 */
import { ApiError } from '@mentoring/shared';
import { savedAnswerItem } from './stored.ts';
import { describeError } from './problems.ts';

export interface Cached<T> {
  data: T;
  savedAt: number;
  /** Why the saved copy is shown instead of a fresh answer; null when fresh. */
  staleBecause: string | null;
}

/** Loads fresh data and saves it; if the tool cannot answer now, falls back to the saved copy. */
export async function withCache<T>(key: string, load: () => Promise<T>): Promise<Cached<T>> {
  const item = savedAnswerItem<T>(key);
  try {
    const data = await load();
    const savedAt = Date.now();
    await item.setValue({ data, savedAt });
    return { data, savedAt, staleBecause: null };
  } catch (err) {
    // Refused access is an answer, not an outage: do not show what the person may no longer see.
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) throw err;
    const saved = await item.getValue();
    if (!saved) throw err;
    return { ...saved, staleBecause: describeError(err) };
  }
}

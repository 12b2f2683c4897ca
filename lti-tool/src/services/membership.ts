/**
 * Who may clip into a partnership, for the clip-creation hot path. Every other SQLite statement
 * waits behind the group commit on the one connection, so a membership read per create would
 * halve throughput; the partnership's access view is kept for a few seconds instead. Whatever
 * changes members or status calls `forgetPartnershipAccess`, and the short life bounds staleness
 * where that cannot reach (other processes on a shared PostgreSQL database).
 */
import { canWriteContent } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { partnershipAccess } from '../models/membership.ts';
import { writablePartnership } from './access.ts';
import { ReadCache } from './cache.ts';
import type { App } from './app.ts';

const ACCESS_TTL_MS = 5_000;
const caches = new WeakMap<App, ReadCache>();

function cacheOf(app: App): ReadCache {
  let cache = caches.get(app);
  if (!cache) caches.set(app, (cache = new ReadCache(ACCESS_TTL_MS)));
  return cache;
}

/** Call after a partnership's status or members change, so the next clip sees it. */
export function forgetPartnershipAccess(app: App, partnershipId: string) {
  caches.get(app)?.delete(partnershipId);
}

/**
 * Passes when the caller may add content to the partnership, by the same shared rule as
 * `writablePartnership`; a refusal is left to that gate (read fresh), which words it, and which
 * lets through anyone a stale entry would wrongly have refused.
 */
export async function requireWritableFast(app: App, principal: Principal, partnershipId: string): Promise<void> {
  const view = await cacheOf(app).get(partnershipId, () => partnershipAccess(app.sql, partnershipId));
  if (view && view.programId === principal.programId && canWriteContent(view, principal.personId)) return;
  await writablePartnership(app, principal, partnershipId);
}

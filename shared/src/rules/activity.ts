/** Program activity rules: what makes a partnership "quiet" for staff to follow up. */

export const DEFAULT_QUIET_AFTER_DAYS = 21;
const DAY = 86_400_000;

/**
 * Quiet: an active partnership with no conversation held (or, before the first one, since it was
 * formed) within `quietAfterDays`, and none scheduled ahead.
 */
export function isQuiet(
  a: { status: string; createdAt: string; lastConversationAt: string | null; nextConversationAt: string | null },
  quietAfterDays: number,
  now = Date.now(),
): boolean {
  if (a.status !== 'active') return false;
  if (a.nextConversationAt && Date.parse(a.nextConversationAt) >= now) return false;
  const since = Date.parse(a.lastConversationAt ?? a.createdAt);
  return now - since > quietAfterDays * DAY;
}

export function daysAgo(days: number, now = Date.now()): Date {
  return new Date(now - days * DAY);
}

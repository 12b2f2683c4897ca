/**
 * What program staff see (docs/design.md, principle 2): for each partnership, who is in it, whether and when
 * they meet, and how much happened lately, so they can reach pairs that have gone quiet. Never any
 * content: not a goal title, a note or an agreement.
 */
import {
  daysAgo,
  isQuiet,
  type PartnershipActivity,
  type PartnershipQuery,
  type ProgramActivity,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { recentCounts, scheduledCounts } from '../models/activity.ts';
import { pageCursor, partnershipCounts, partnershipPage } from '../models/partnerships.ts';
import { setQuietAfterDays } from '../models/programs.ts';
import { cacheKey } from '../db/invalidations.ts';
import type { App } from './app.ts';
import { pageQuery } from './partnerships.ts';

const RECENT_DAYS = 30;

/** One page of the program's partnerships with their activity; the first page also counts the whole program. */
export async function programActivity(
  app: App,
  principal: Principal,
  query: PartnershipQuery,
): Promise<ProgramActivity> {
  const now = app.clock.now();
  const q = await pageQuery(app, principal, query, now);
  const [page, summary] = await Promise.all([
    partnershipPage(app.sql, q),
    query.cursor === undefined
      ? partnershipCounts(app.sql, q.programId, { quietAfterDays: q.quietAfterDays, now })
      : null,
  ]);
  const ids = page.partnerships.map((p) => p.id);
  const [counts, scheduled] = await Promise.all([
    recentCounts(app.sql, ids, daysAgo(RECENT_DAYS, now).getTime()),
    scheduledCounts(app.sql, ids, now),
  ]);
  return {
    quietAfterDays: q.quietAfterDays,
    partnerships: page.partnerships.map((p): PartnershipActivity => {
      const dates = {
        status: p.status,
        createdAt: p.createdAt,
        lastConversationAt: p.lastConversationAt,
        nextConversationAt: p.nextConversation?.scheduledFor ?? null,
      };
      return {
        partnershipId: p.id,
        kind: p.kind,
        members: p.members.map((m) => ({ personId: m.personId, name: m.name, role: m.role })),
        ...dates,
        last30Days: counts.get(p.id)!,
        scheduledConversations: scheduled.get(p.id) ?? 0,
        quiet: isQuiet(dates, q.quietAfterDays, now),
      };
    }),
    nextCursor: page.next && pageCursor.write(page.next),
    summary,
  };
}

export async function changeQuietAfterDays(
  app: App,
  principal: Principal,
  quietAfterDays: number,
): Promise<{ quietAfterDays: number }> {
  await setQuietAfterDays(app.sql, principal.programId, quietAfterDays, app.clock.now());
  await app.invalidations.publish(cacheKey.program(principal.programId));
  return { quietAfterDays };
}

/**
 * What program staff see (docs/design.md, principle 2): for each partnership, who is in it, whether and when
 * they meet, and how much happened lately, so they can reach pairs that have gone quiet. Never any
 * content: not a goal title, a note or an agreement.
 */
import { daysAgo, isQuiet, type PartnershipActivity, type ProgramActivity } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { recentCounts, scheduledCounts } from '../models/activity.ts';
import { partnershipsOfProgram } from '../models/partnerships.ts';
import { findProgram, setQuietAfterDays } from '../models/programs.ts';
import { notFound } from './errors.ts';
import type { App } from './app.ts';

const RECENT_DAYS = 30;

export async function programActivity(app: App, principal: Principal): Promise<ProgramActivity> {
  const program = await findProgram(app.sql, principal.programId);
  if (!program) throw notFound('Your program');
  const now = app.clock.now();
  const partnerships = await partnershipsOfProgram(app.sql, program.id);
  const ids = partnerships.map((p) => p.id);
  const [counts, scheduled] = await Promise.all([
    recentCounts(app.sql, ids, daysAgo(RECENT_DAYS, now).getTime()),
    scheduledCounts(app.sql, ids, now),
  ]);
  return {
    quietAfterDays: program.quiet_after_days,
    partnerships: partnerships.map((p): PartnershipActivity => {
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
        quiet: isQuiet(dates, program.quiet_after_days, now),
      };
    }),
  };
}

export async function changeQuietAfterDays(
  app: App,
  principal: Principal,
  quietAfterDays: number,
): Promise<{ quietAfterDays: number }> {
  await setQuietAfterDays(app.sql, principal.programId, quietAfterDays, app.clock.now());
  return { quietAfterDays };
}

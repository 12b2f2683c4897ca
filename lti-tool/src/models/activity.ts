/** Counts for program staff: how much happened in each partnership, never what. */
import type { Sql } from '../db/sql.ts';

interface RecentCounts {
  clips: number;
  prompts: number;
  conversations: number;
}

/**
 * Clips and prompts made since `since`, and conversations held since then (by the date they were
 * held: a conversation only scheduled is not one held), per partnership.
 */
export async function recentCounts(
  sql: Sql,
  partnershipIds: string[],
  since: number,
): Promise<Map<string, RecentCounts>> {
  const out = new Map<string, RecentCounts>(
    partnershipIds.map((id) => [id, { clips: 0, prompts: 0, conversations: 0 }]),
  );
  if (!partnershipIds.length) return out;
  const queries = {
    clips:
      'SELECT partnership_id, COUNT(*) AS n FROM clips WHERE partnership_id IN (:ids) AND created_at >= :since GROUP BY partnership_id',
    prompts:
      'SELECT partnership_id, COUNT(*) AS n FROM prompts WHERE partnership_id IN (:ids) AND created_at >= :since GROUP BY partnership_id',
    conversations:
      'SELECT partnership_id, COUNT(*) AS n FROM conversations WHERE partnership_id IN (:ids) AND held_at >= :since GROUP BY partnership_id',
  };
  for (const [key, query] of Object.entries(queries) as [keyof RecentCounts, string][]) {
    const rows = await sql.all<{ partnership_id: string; n: number | string }>(query, { ids: partnershipIds, since });
    for (const r of rows) out.get(r.partnership_id)![key] = Number(r.n);
  }
  return out;
}

/** Conversations scheduled from `now` on and not held yet, per partnership. */
export async function scheduledCounts(sql: Sql, partnershipIds: string[], now: number): Promise<Map<string, number>> {
  if (!partnershipIds.length) return new Map();
  const rows = await sql.all<{ partnership_id: string; n: number | string }>(
    `SELECT partnership_id, COUNT(*) AS n FROM conversations
      WHERE partnership_id IN (:ids) AND held_at IS NULL AND scheduled_for >= :now GROUP BY partnership_id`,
    { ids: partnershipIds, now },
  );
  return new Map(rows.map((r) => [r.partnership_id, Number(r.n)]));
}

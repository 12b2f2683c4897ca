/** Counts for program staff: how much happened in each partnership, never what. */
import type { Sql } from '../db/sql.ts';

interface RecentCounts {
  clips: number;
  prompts: number;
  conversations: number;
}

/** Clips, prompts and conversations created since `since`, per partnership. */
export async function recentCounts(
  sql: Sql,
  partnershipIds: string[],
  since: number,
): Promise<Map<string, RecentCounts>> {
  const out = new Map<string, RecentCounts>(
    partnershipIds.map((id) => [id, { clips: 0, prompts: 0, conversations: 0 }]),
  );
  if (!partnershipIds.length) return out;
  for (const table of ['clips', 'prompts', 'conversations'] as const) {
    const rows = await sql.all<{ partnership_id: string; n: number | string }>(
      `SELECT partnership_id, COUNT(*) AS n FROM ${table} WHERE partnership_id IN (:ids) AND created_at >= :since GROUP BY partnership_id`,
      { ids: partnershipIds, since },
    );
    for (const r of rows) out.get(r.partnership_id)![table] = Number(r.n);
  }
  return out;
}

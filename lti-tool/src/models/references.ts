/** Which of some goal, clip or prompt ids belong to one partnership, for checking links between them. */
import type { Sql } from '../db/sql.ts';

const TABLES = { goal: 'goals', clip: 'clips', prompt: 'prompts' } as const;
export type Referenced = keyof typeof TABLES;

export async function idsInPartnership(
  sql: Sql,
  kind: Referenced,
  partnershipId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await sql.all<{ id: string }>(
    `SELECT id FROM ${TABLES[kind]} WHERE partnership_id = :partnershipId AND id IN (:ids)`,
    {
      partnershipId,
      ids: [...new Set(ids)],
    },
  );
  return new Set(rows.map((r) => r.id));
}

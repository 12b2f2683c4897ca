/**
 * Links between a partnership's things (a prompt's clip, an agenda's goals, an answer's clips) may
 * only point inside the same partnership: anything else would show one workspace's content in
 * another. A wrong link is refused naming the field that holds it.
 */
import { idsInPartnership, type Referenced } from '../models/references.ts';
import { invalid } from './errors.ts';
import type { Sql } from '../db/sql.ts';

export interface Reference {
  kind: Referenced;
  id: string | null | undefined;
  /** Where the id sits in the request body, e.g. `agenda.2.clipId`. */
  field: string;
}

export async function requireInPartnership(sql: Sql, partnershipId: string, refs: readonly Reference[]): Promise<void> {
  const wanted = refs.filter((r): r is Reference & { id: string } => !!r.id);
  const found = new Map<Referenced, Set<string>>();
  for (const kind of new Set(wanted.map((r) => r.kind))) {
    found.set(
      kind,
      await idsInPartnership(
        sql,
        kind,
        partnershipId,
        wanted.filter((r) => r.kind === kind).map((r) => r.id),
      ),
    );
  }
  const missing = wanted.find((r) => !found.get(r.kind)!.has(r.id));
  if (missing)
    throw invalid(
      /*i18n*/ {
        id: 'refusal.references.outside',
        message:
          '{kind, select, goal {{field}: there is no such goal in this partnership.} clip {{field}: there is no such clip in this partnership.} other {{field}: there is no such prompt in this partnership.}}',
        values: { field: missing.field, kind: missing.kind },
      },
      missing.field,
    );
}

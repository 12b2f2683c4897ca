/** Reads only the partnership download needs: every clip at once, oldest first (the clip list pages newest first). */
import type { Clip } from '@mentoring/shared';
import type { Sql } from '../db/sql.ts';
import { toClipRecord, withReviews, type ClipRow } from './clips.ts';

export async function allClipsOf(sql: Sql, partnershipId: string): Promise<Clip[]> {
  const rows = await sql.all<ClipRow>('SELECT * FROM clips WHERE partnership_id = :partnershipId ORDER BY created_at', {
    partnershipId,
  });
  return withReviews(sql, rows.map(toClipRecord));
}

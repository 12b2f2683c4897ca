/**
 * Who may clip into a partnership, for the clip-creation hot path. The group commit reads the
 * access of every partnership in a group in one query, in the transaction that inserts the group,
 * so a partnership closed or a member removed by any process refuses the next clip at once, at the
 * cost of one read per group rather than one per clip.
 */
import { canWriteContent } from '@mentoring/shared';
import type { Sql } from '../db/sql.ts';
import { partnershipsAccess } from '../models/membership.ts';
import type { QueuedClip } from '../models/clips.ts';

/** Answers, clip by clip, whether its clipper may add content to its partnership now. */
export async function admitClips(sql: Sql, clips: QueuedClip[]): Promise<boolean[]> {
  const views = await partnershipsAccess(sql, [...new Set(clips.map((c) => c.row.partnershipId))]);
  return clips.map((c) => {
    const view = views.get(c.row.partnershipId);
    return !!view && view.programId === c.programId && canWriteContent(view, c.row.clipperId);
  });
}

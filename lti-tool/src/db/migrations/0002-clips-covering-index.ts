/**
 * The mentor's preparation counts a partnership's clips since the last conversation that the mentor
 * has not reviewed. With the clip id in the (partnership, time) index that count, and the newest-
 * first pages ordered by time and id, read the index alone: no row of the clips table is visited
 * until a page of clips is fetched. The old index is a prefix of the new one and goes.
 */
import type { QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addIndex('clips', ['partnership_id', 'created_at', 'id'], { name: 'clips_partnership_time_id' });
  await q.removeIndex('clips', 'clips_partnership_time');
}

export async function down(q: QueryInterface): Promise<void> {
  await q.addIndex('clips', ['partnership_id', 'created_at'], { name: 'clips_partnership_time' });
  await q.removeIndex('clips', 'clips_partnership_time_id');
}

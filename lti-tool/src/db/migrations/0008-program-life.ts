/**
 * A program's life over time: staff pause, end and re-match partnerships (with their history and
 * the nudges they send), checkpoints are removed without losing their evaluations, conversations
 * carry a length, a place and a time zone, and people subscribe to their conversations in their
 * calendar. The agenda, shared notes and agreement carry a version so a stale write is refused.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const ref = (table: string) => ({
  type: DataTypes.STRING(64),
  allowNull: false,
  references: { model: table, key: 'id' },
  onDelete: 'CASCADE',
});
const optionalPerson = {
  type: DataTypes.STRING(64),
  allowNull: true,
  references: { model: 'people', key: 'id' },
  onDelete: 'SET NULL',
};
const version = { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 };

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('partnerships', 'agreement_version', version);
  await q.addColumn('conversations', 'version', version);
  await q.addColumn('conversations', 'duration_minutes', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 60,
  });
  await q.addColumn('conversations', 'place', { type: DataTypes.TEXT, allowNull: false, defaultValue: '' });
  await q.addColumn('conversations', 'video_url', { type: DataTypes.TEXT, allowNull: true });
  await q.addColumn('conversations', 'time_zone', { type: DataTypes.STRING(64), allowNull: true });
  await q.addColumn('checkpoints', 'removed_at', { type: DataTypes.BIGINT, allowNull: true });

  await q.createTable('partnership_events', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    partnership_id: ref('partnerships'),
    kind: { type: DataTypes.STRING(32), allowNull: false },
    by_id: optionalPerson,
    person_id: optionalPerson,
    role: { type: DataTypes.STRING(16), allowNull: true },
    reason: { type: DataTypes.TEXT, allowNull: true },
    at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await q.addIndex('partnership_events', ['partnership_id', 'at'], { name: 'partnership_events_partnership' });
  // Partnerships formed before this history began: their forming and their members.
  await q.sequelize.query(
    `INSERT INTO partnership_events (partnership_id, kind, by_id, person_id, role, reason, at)
     SELECT id, 'formed', created_by_id, NULL, NULL, NULL, created_at FROM partnerships`,
  );
  await q.sequelize.query(
    `INSERT INTO partnership_events (partnership_id, kind, by_id, person_id, role, reason, at)
     SELECT partnership_id, 'member-joined', NULL, person_id, role, NULL, created_at FROM partnership_members`,
  );

  await q.createTable('nudges', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    partnership_id: ref('partnerships'),
    sent_by_id: ref('people'),
    sent_at: { type: DataTypes.BIGINT, allowNull: false },
    delivered_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await q.addIndex('nudges', ['partnership_id'], { name: 'nudges_partnership' });

  await q.createTable('calendar_feeds', {
    token_hash: { type: DataTypes.STRING(64), primaryKey: true },
    program_id: ref('programs'),
    person_id: ref('people'),
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    revoked_at: { type: DataTypes.BIGINT, allowNull: true },
  });
  await q.addIndex('calendar_feeds', ['program_id', 'person_id'], { name: 'calendar_feeds_person' });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('calendar_feeds');
  await q.dropTable('nudges');
  await q.dropTable('partnership_events');
  await q.removeColumn('checkpoints', 'removed_at');
  for (const c of ['time_zone', 'video_url', 'place', 'duration_minutes', 'version'])
    await q.removeColumn('conversations', c);
  await q.removeColumn('partnerships', 'agreement_version');
}

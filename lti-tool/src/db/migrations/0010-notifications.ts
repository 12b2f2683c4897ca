/**
 * Notices and the e-mail outbox: a notice is written in the transaction of what caused it, and
 * an e-mail to send is a row that a worker claims with a lease, so two tools on one database send
 * it once and a restart loses none. Each person's choice of delivery per kind is kept beside them.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const ref = (table: string) => ({
  type: DataTypes.STRING(64),
  allowNull: false,
  references: { model: table, key: 'id' },
  onDelete: 'CASCADE',
});
const optionalTime = { type: DataTypes.BIGINT, allowNull: true };
const time = { type: DataTypes.BIGINT, allowNull: false };

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('notifications', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    person_id: ref('people'),
    program_id: ref('programs'),
    partnership_id: { ...ref('partnerships'), allowNull: true },
    kind: { type: DataTypes.STRING(32), allowNull: false },
    data: { type: DataTypes.TEXT, allowNull: false, defaultValue: '{}' },
    /** Timed notices (reminders, digests of due commitments, quiet partnerships) are made once per key. */
    dedupe_key: { type: DataTypes.STRING(200), allowNull: true },
    /** `none` (in-app only), `now` (in the outbox), `digest` (waits for the digest), `digested`. */
    mail: { type: DataTypes.STRING(16), allowNull: false },
    created_at: time,
    read_at: optionalTime,
  });
  await q.addIndex('notifications', ['person_id', 'created_at'], { name: 'notifications_person' });
  await q.addIndex('notifications', ['person_id', 'dedupe_key'], { name: 'notifications_dedupe', unique: true });
  await q.addIndex('notifications', ['mail', 'created_at'], { name: 'notifications_mail' });

  await q.createTable('mail_outbox', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    person_id: ref('people'),
    program_id: ref('programs'),
    /** The notices the message tells of: one, or a digest's. */
    notification_ids: { type: DataTypes.TEXT, allowNull: false },
    digest: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    dedupe_key: { type: DataTypes.STRING(200), allowNull: true, unique: true },
    /** `pending`, `sent`, `failed` (given up) or `dropped` (no address or unsubscribed by then). */
    status: { type: DataTypes.STRING(16), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: time,
    lease_owner: { type: DataTypes.STRING(64), allowNull: true },
    lease_until: optionalTime,
    last_error: { type: DataTypes.TEXT, allowNull: true },
    created_at: time,
    sent_at: optionalTime,
  });
  await q.addIndex('mail_outbox', ['status', 'next_attempt_at'], { name: 'mail_outbox_due' });

  await q.createTable('notification_preferences', {
    person_id: { ...ref('people'), primaryKey: true },
    delivery: { type: DataTypes.TEXT, allowNull: false, defaultValue: '{}' },
    updated_at: time,
  });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('notification_preferences');
  await q.dropTable('mail_outbox');
  await q.dropTable('notifications');
}

/**
 * Finished e-mails and read notices are deleted once past their time (models/notifications.ts
 * `pruneNotices`, every upkeep): by age, which these indexes find without reading every row.
 */
import type { QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addIndex('notifications', ['created_at'], { name: 'notifications_age' });
  await q.addIndex('mail_outbox', ['created_at'], { name: 'mail_outbox_age' });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeIndex('mail_outbox', 'mail_outbox_age');
  await q.removeIndex('notifications', 'notifications_age');
}

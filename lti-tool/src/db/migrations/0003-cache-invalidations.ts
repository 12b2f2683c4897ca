/**
 * Several tool processes may share one database. What one of them changes that others hold in
 * memory (a revoked browser, a changed role, a removed deployment) is announced in this table, which
 * every process reads a few times a second.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('cache_invalidations', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    keys: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await q.addIndex('launch_sessions', ['expires_at'], { name: 'launch_sessions_expiry' });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeIndex('launch_sessions', 'launch_sessions_expiry');
  await q.dropTable('cache_invalidations');
}

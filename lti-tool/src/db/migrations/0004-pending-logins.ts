/**
 * Logins in flight and per-platform launch settings live in the database, so a launch begun on one
 * instance of the tool completes on another (no sticky sessions). `pending_logins` rows last minutes.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const optionalText = { type: DataTypes.TEXT, allowNull: true };

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('pending_logins', {
    state: { type: DataTypes.STRING(128), primaryKey: true, allowNull: false },
    issuer: { type: DataTypes.STRING(512), allowNull: false },
    client_id: { type: DataTypes.STRING(255), allowNull: true },
    relaunch_url: optionalText,
    storage_target: { type: DataTypes.STRING(64), allowNull: true },
    storage_origin: { type: DataTypes.STRING(512), allowNull: true },
    storage_secret_hash: { type: DataTypes.STRING(64), allowNull: true },
    expires_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await q.addIndex('pending_logins', ['expires_at'], { name: 'pending_logins_expiry' });
  await q.createTable('platform_settings', {
    issuer: { type: DataTypes.STRING(512), allowNull: false, primaryKey: true },
    client_id: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true },
    relaunch_template: optionalText,
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
  });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('platform_settings');
  await q.dropTable('pending_logins');
}

/**
 * Rate-limit counters (pairing exchanges, logins, registrations) live in the database, so every
 * instance of the tool counts against the same limit.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('rate_limits', {
    bucket: { type: DataTypes.STRING(255), primaryKey: true, allowNull: false },
    points: { type: DataTypes.INTEGER, allowNull: false },
    expires_at: { type: DataTypes.BIGINT, allowNull: true },
  });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('rate_limits');
}

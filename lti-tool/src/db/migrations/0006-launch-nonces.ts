/**
 * The nonces the tool issued at OIDC login, each bound to its login's state, so a launch is
 * accepted only with an id_token made for a login this tool started (once). In the database, not in
 * memory: the login and the launch may reach different instances.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('launch_nonces', {
    nonce: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    state: { type: DataTypes.STRING(128), allowNull: false },
    expires_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await q.addIndex('launch_nonces', ['expires_at'], { name: 'launch_nonces_expiry' });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.dropTable('launch_nonces');
}

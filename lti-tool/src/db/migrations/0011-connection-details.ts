/**
 * Connected browsers are told apart by browser and system besides the name the person gives them
 * (two "Chrome on Linux" looked the same). Connections made before keep only their name.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('browser_connections', 'browser', { type: DataTypes.STRING(60), allowNull: true });
  await q.addColumn('browser_connections', 'system', { type: DataTypes.STRING(60), allowNull: true });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeColumn('browser_connections', 'system');
  await q.removeColumn('browser_connections', 'browser');
}

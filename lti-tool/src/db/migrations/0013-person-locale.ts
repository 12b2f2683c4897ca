/**
 * The language each person reads the tool in: their own choice (kept across launches) and the
 * language their LMS last launched them in, both as one of the tool's languages or null.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('people', 'locale', { type: DataTypes.STRING(8), allowNull: true });
  await q.addColumn('people', 'launch_locale', { type: DataTypes.STRING(8), allowNull: true });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeColumn('people', 'launch_locale');
  await q.removeColumn('people', 'locale');
}

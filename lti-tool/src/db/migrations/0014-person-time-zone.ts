/**
 * The time zone each person's browser reports (an IANA name, e.g. `America/Mexico_City`), so
 * e-mails and exports give times in it; null (never reported) means UTC.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('people', 'time_zone', { type: DataTypes.STRING(64), allowNull: true });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeColumn('people', 'time_zone');
}

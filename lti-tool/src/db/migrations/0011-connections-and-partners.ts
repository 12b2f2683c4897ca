/**
 * Connected browsers are told apart by browser and system besides the name the person gives them
 * (two "Chrome on Linux" looked the same); connections made before keep only their name.
 * Members of collegial partnerships become `partner`: they switch coach and coachee goal by goal,
 * so the mentor and mentee they were stored as meant nothing (their history says so too).
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const COLLEGIAL = "partnership_id IN (SELECT id FROM partnerships WHERE kind = 'collegial')";

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('browser_connections', 'browser', { type: DataTypes.STRING(60), allowNull: true });
  await q.addColumn('browser_connections', 'system', { type: DataTypes.STRING(60), allowNull: true });
  await q.sequelize.query(`UPDATE partnership_members SET role = 'partner' WHERE ${COLLEGIAL}`);
  await q.sequelize.query(`UPDATE partnership_events SET role = 'partner' WHERE role IS NOT NULL AND ${COLLEGIAL}`);
}

export async function down(q: QueryInterface): Promise<void> {
  await q.sequelize.query(`UPDATE partnership_events SET role = 'mentee' WHERE role = 'partner'`);
  await q.sequelize.query(`UPDATE partnership_members SET role = 'mentee' WHERE role = 'partner'`);
  await q.removeColumn('browser_connections', 'system');
  await q.removeColumn('browser_connections', 'browser');
}

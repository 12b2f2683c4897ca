/**
 * A program keeps its course's address (the launch's `launch_presentation.return_url`, when it is
 * on the platform's own origin), so e-mails open the course rather than the LMS's home page.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addColumn('programs', 'course_url', { type: DataTypes.TEXT, allowNull: true });
}

export async function down(q: QueryInterface): Promise<void> {
  await q.removeColumn('programs', 'course_url');
}

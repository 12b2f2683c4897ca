/**
 * Staff read a program's partnerships a page at a time, newest first: with (program, time, id) in
 * one index each page is a range of it, however many partnerships the program has. The old
 * program index is a prefix of the new one and goes.
 */
import type { QueryInterface } from 'sequelize';

export async function up(q: QueryInterface): Promise<void> {
  await q.addIndex('partnerships', ['program_id', 'created_at', 'id'], { name: 'partnerships_program_time_id' });
  await q.removeIndex('partnerships', 'partnerships_program');
}

export async function down(q: QueryInterface): Promise<void> {
  await q.addIndex('partnerships', ['program_id'], { name: 'partnerships_program' });
  await q.removeIndex('partnerships', 'partnerships_program_time_id');
}

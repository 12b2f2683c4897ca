/**
 * Backups of the one database (product tables and ltijs's alike). SQLite: `VACUUM INTO`, an online
 * backup that reads one consistent snapshot while the tool keeps serving. PostgreSQL: `pg_dump`
 * in its custom format. Restoring replaces the whole database and is done with the tool stopped.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Sequelize } from 'sequelize';
import { parseDatabaseUrl } from './database.ts';

const run = promisify(execFile);

/** Writes a backup of the database at `databaseUrl` to `file` (which must not exist yet). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; a backup never overwrites a file.`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.dialect === 'postgres') {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${target.location}`]);
    return;
  }
  if (!fs.existsSync(target.location)) throw new Error(`There is no database at ${target.location}.`);
  const db = new Sequelize({ dialect: 'sqlite', storage: target.location, logging: false });
  try {
    await db.query('VACUUM INTO $1', { bind: [path.resolve(file)] });
  } finally {
    await db.close();
  }
}

/** Replaces the database at `databaseUrl` with the backup in `file`. The tool must be stopped. */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  if (target.dialect === 'postgres') {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${target.location}`, file]);
    return;
  }
  // The old write-ahead log belongs to the old file: it must not be replayed onto the backup.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target.location + suffix, { force: true });
  fs.mkdirSync(path.dirname(target.location), { recursive: true });
  fs.copyFileSync(file, target.location);
}

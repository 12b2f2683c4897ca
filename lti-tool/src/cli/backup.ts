/**
 * `npm run backup [-- FILE]`: an online backup of the tool's database (DATABASE_URL) while it runs.
 * `npm run backup -- --restore FILE`: puts a backup back, with the tool stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { parseDatabaseUrl } from '../db/database.ts';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { restore: { type: 'string' } } });
  const config = loadConfig();
  if (values.restore) {
    await restoreDatabase(config.databaseUrl, values.restore);
    console.log(`Restored ${values.restore}. Start the tool again.`);
    return;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const extension = parseDatabaseUrl(config.databaseUrl).dialect === 'sqlite' ? 'sqlite' : 'dump';
  const file = positionals[0] ?? path.join(config.dataDir, 'backups', `mentoring-${stamp}.${extension}`);
  await backupDatabase(config.databaseUrl, file);
  console.log(`Backup written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

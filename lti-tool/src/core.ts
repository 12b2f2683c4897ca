/**
 * The tool without its HTTP server: database (migrated), ltijs, sessions. The server and the
 * `platform` command both start from here.
 */
import type { ToolConfig } from './config.ts';
import { openDatabases } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { Sql } from './db/sql.ts';
import { createLogger } from './log.ts';
import { Sessions } from './auth/sessions.ts';
import { newProvider } from './lti/ltijs.ts';
import { setupProvider, wireProvider } from './lti/provider.ts';
import { CookielessLaunches } from './lti/cookieless.ts';
import type { App } from './services/app.ts';
import { ReadCache } from './services/cache.ts';
import { RateLimits } from './services/rate-limits.ts';

export interface Core {
  app: App;
  cookieless: CookielessLaunches;
  close(): Promise<void>;
}

export async function openCore(config: ToolConfig): Promise<Core> {
  const log = createLogger(config.logLevel);
  const dbs = await openDatabases(config.databaseUrl, log);
  await migrate(dbs.sequelize);
  const sql = new Sql(dbs.sequelize);
  const lti = newProvider();
  setupProvider(lti, config, dbs.ltiPlugin);
  await lti.deploy({ serverless: true, silent: true });
  const sessions = new Sessions(sql, config.ltiKey, config.launchSessionHours * 3_600_000);
  const pending = new Set<Promise<unknown>>();
  const background = (task: Promise<unknown>) => {
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const limits = new RateLimits(sql, config.rateLimits, log);
  const app: App = { sql, config, log, sessions, lti, background, cache: new ReadCache(), limits };
  const cookieless = new CookielessLaunches(config.ltiKey, config.publicUrl);
  wireProvider(lti, app, cookieless);
  return {
    app,
    cookieless,
    async close() {
      await Promise.allSettled([...pending]);
      await lti.close({ silent: true });
      await dbs.close();
    },
  };
}

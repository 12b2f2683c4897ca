/**
 * The tool without its HTTP server: database (migrated), ltijs, sessions, caches and the periodic
 * upkeep. The server and the `platform` command both start from here.
 */
import type { ToolConfig } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import { openDatabases } from './db/database.ts';
import { Invalidations, cacheKey } from './db/invalidations.ts';
import { migrate, pendingMigrations } from './db/migrate.ts';
import { Sql } from './db/sql.ts';
import { createLogger } from './log.ts';
import { Sessions } from './auth/sessions.ts';
import { newProvider } from './lti/ltijs.ts';
import { setupProvider, wireProvider } from './lti/provider.ts';
import { CookielessLaunches } from './lti/cookieless.ts';
import { ClipGroups } from './models/clips.ts';
import { pruneNonces } from './models/nonces.ts';
import { pruneNotices } from './models/notifications.ts';
import type { App } from './services/app.ts';
import { ReadCache } from './services/cache.ts';
import { RateLimits } from './services/rate-limits.ts';
import { admitClips } from './services/membership.ts';
import { Postman } from './mail/postman.ts';
import { clipsAwaitReview } from './services/notifications.ts';

/** How often ended launch sessions and old invalidations are deleted. */
export const UPKEEP_MS = 10 * 60_000;

export interface CoreOptions {
  /** The tool's time; tests pass a clock they move. */
  clock?: Clock;
}

export interface Core {
  app: App;
  cookieless: CookielessLaunches;
  /** The database answers and every migration has run. */
  ready(): Promise<boolean>;
  /** Deletes what has expired or served its time (launch sessions, old invalidations, finished e-mails, old read notices); runs every UPKEEP_MS. */
  upkeep(): Promise<void>;
  close(): Promise<void>;
}

export async function openCore(config: ToolConfig, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const log = createLogger(config.logLevel);
  const dbs = await openDatabases(config.databaseUrl, log, config.sqliteSynchronous);
  await migrate(dbs.sequelize);
  const sql = new Sql(dbs.sequelize);
  const lti = newProvider();
  setupProvider(lti, config, dbs.ltiPlugin);
  await lti.deploy({ serverless: true, silent: true });
  const invalidations = new Invalidations(sql, clock, log);
  const sessions = new Sessions(sql, config.ltiKey, config.launchSessionHours * 3_600_000, clock, invalidations);
  const cache = new ReadCache(clock);
  const knownDeployments = new Set<string>();
  invalidations.subscribe((key) => {
    if (key === cacheKey.deployments) knownDeployments.clear();
    else cache.delete(key);
  });
  const pending = new Set<Promise<unknown>>();
  const background = (task: Promise<unknown>) => {
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const app: App = {
    sql,
    config,
    log,
    clock,
    sessions,
    lti,
    background,
    cache,
    invalidations,
    knownDeployments,
    clipGroups: new ClipGroups(sql, admitClips, (tx, rows) => clipsAwaitReview(app, tx, rows)),
    limits: new RateLimits(sql, config.rateLimits, log),
  };
  const cookieless = new CookielessLaunches(app);
  wireProvider(lti, app, cookieless);
  await invalidations.start();
  const upkeep = async () => {
    const ended = await sessions.pruneExpired();
    await pruneNonces(sql, clock.now());
    await invalidations.prune();
    const old = await pruneNotices(sql, clock.now());
    if (ended) log.info({ ended }, 'ended launch sessions deleted');
    if (old.mail || old.notices) log.info(old, 'finished e-mails and read notices past their time deleted');
  };
  const postman = new Postman(app);
  postman.start();
  const stopUpkeep = clock.every(UPKEEP_MS, () =>
    upkeep().catch((err) => log.warn({ err }, 'deleting what has ended or expired failed')),
  );
  return {
    app,
    cookieless,
    upkeep,
    async ready() {
      try {
        return (await pendingMigrations(dbs.sequelize)).length === 0;
      } catch {
        return false;
      }
    },
    async close() {
      stopUpkeep();
      await postman.stop();
      invalidations.stop();
      await Promise.allSettled([...pending]);
      await lti.close({ silent: true });
      await dbs.close();
    },
  };
}

/** Versioned migrations of the product's tables, run at start (never `sync`). */
import { Umzug, SequelizeStorage } from 'umzug';
import type { Sequelize, QueryInterface } from 'sequelize';
import * as initial from './migrations/0001-initial.ts';
import * as clipsCoveringIndex from './migrations/0002-clips-covering-index.ts';
import * as cacheInvalidations from './migrations/0003-cache-invalidations.ts';
import * as pendingLogins from './migrations/0004-pending-logins.ts';
import * as clipPages from './migrations/0005-clip-pages.ts';
import * as launchNonces from './migrations/0006-launch-nonces.ts';
import * as rateLimits from './migrations/0007-rate-limits.ts';
import * as programLife from './migrations/0008-program-life.ts';
import * as partnershipPages from './migrations/0009-partnership-pages.ts';
import * as notifications from './migrations/0010-notifications.ts';
import * as connectionsAndPartners from './migrations/0011-connections-and-partners.ts';
import * as courseAddress from './migrations/0012-course-address.ts';
import * as personLocale from './migrations/0013-person-locale.ts';
import * as personTimeZone from './migrations/0014-person-time-zone.ts';
import * as noticesByAge from './migrations/0015-notices-by-age.ts';

export interface Migration {
  up(q: QueryInterface): Promise<void>;
  down(q: QueryInterface): Promise<void>;
}

const migrations: Array<[string, Migration]> = [
  ['0001-initial', initial],
  ['0002-clips-covering-index', clipsCoveringIndex],
  ['0003-cache-invalidations', cacheInvalidations],
  ['0004-pending-logins', pendingLogins],
  ['0005-clip-pages', clipPages],
  ['0006-launch-nonces', launchNonces],
  ['0007-rate-limits', rateLimits],
  ['0008-program-life', programLife],
  ['0009-partnership-pages', partnershipPages],
  ['0010-notifications', notifications],
  ['0011-connections-and-partners', connectionsAndPartners],
  ['0012-course-address', courseAddress],
  ['0013-person-locale', personLocale],
  ['0014-person-time-zone', personTimeZone],
  ['0015-notices-by-age', noticesByAge],
];

export function migrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map(([name, m]) => ({
      name,
      up: () => m.up(sequelize.getQueryInterface()),
      down: () => m.down(sequelize.getQueryInterface()),
    })),
    // Apart from ltijs-sequelize's own SequelizeMeta table.
    storage: new SequelizeStorage({ sequelize, tableName: 'mentoring_migrations' }),
    logger: undefined,
  });
}

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const done = await migrator(sequelize).up();
  return done.map((m) => m.name);
}

/** Names of migrations not yet run (empty once the database is up to date); reads the database. */
export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await migrator(sequelize).pending()).map((m) => m.name);
}

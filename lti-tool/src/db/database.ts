/**
 * Opens the product's database and the one ltijs keeps its own tables in: the same database,
 * an SQLite file by default or PostgreSQL through DATABASE_URL.
 */
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Sequelize, Transaction, type Options } from 'sequelize';
import LtiSequelize from 'ltijs-sequelize';
import type { Logger } from '../log.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  dialect: Dialect;
  /** SQLite file path, or the PostgreSQL connection URL. */
  location: string;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new Error('DATABASE_URL "sqlite:" needs a file path, as in sqlite:data/mentoring.sqlite');
    return { dialect: 'sqlite', location: path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
}

const require = createRequire(import.meta.url);
let sqliteTuned = false;

/**
 * SQLite's `synchronous` setting: NORMAL (the default) syncs at WAL checkpoints, so a power loss or
 * an operating system crash may lose the last commits (never corrupt the file); FULL syncs at every
 * commit, slower; OFF leaves syncing to the operating system. A crash of the tool alone loses
 * nothing in any mode.
 */
export const SQLITE_SYNCHRONOUS_MODES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

/** The synchronous mode of each SQLite file, read by the connection hook below. */
const synchronousOf = new Map<string, SqliteSynchronous>();

/**
 * Sequelize's SQLite driver opens a new connection per transaction and offers no busy timeout, so
 * concurrent launches on two connections (ours and ltijs's) would fail with SQLITE_BUSY. Every new
 * connection gets a busy timeout and its file's synchronous mode here, for both instances.
 * It also closes each transaction's connection when the transaction ends, so that every launch
 * paid for opening the file and reading its schema again: one ended transaction's connection is
 * kept (among the driver's own, so that closing the database closes it) for the next.
 */
function tuneSqliteConnections() {
  if (sqliteTuned) return;
  sqliteTuned = true;
  const { ConnectionManager } = require('sequelize/lib/dialects/sqlite/connection-manager') as {
    ConnectionManager: {
      prototype: {
        connections: Record<string, SqliteConnection>;
        getConnection(o?: { uuid?: string }): Promise<SqliteConnection>;
        releaseConnection(connection: SqliteConnection, force?: boolean): void;
      };
    };
  };
  const open = ConnectionManager.prototype.getConnection;
  const release = ConnectionManager.prototype.releaseConnection;
  const tuned = new WeakSet<object>();
  ConnectionManager.prototype.getConnection = async function (options) {
    const spare = this.connections[SPARE];
    if (options?.uuid && options.uuid !== 'default' && spare) {
      delete this.connections[SPARE];
      this.connections[options.uuid] = spare;
      return spare;
    }
    const connection = await open.call(this, options);
    if (!tuned.has(connection)) {
      tuned.add(connection);
      connection.configure('busyTimeout', 10_000);
      connection.run(`PRAGMA synchronous = ${synchronousOf.get(path.resolve(connection.filename)) ?? 'NORMAL'}`);
    }
    return connection;
  };
  ConnectionManager.prototype.releaseConnection = function (connection, force) {
    const uuid = connection.uuid;
    if (!force && uuid && uuid !== SPARE && connection.filename !== ':memory:' && !this.connections[SPARE]) {
      delete this.connections[uuid];
      this.connections[SPARE] = connection;
      return;
    }
    release.call(this, connection, force);
  };
}

/** Where the kept transaction connection waits among the driver's connections. */
const SPARE = 'spare-transaction-connection';

interface SqliteConnection {
  filename: string;
  uuid?: string;
  configure(option: 'busyTimeout', ms: number): void;
  run(sql: string): void;
}

function sequelizeOptions(target: DatabaseTarget): Options {
  const common: Options = { logging: false, benchmark: false };
  if (target.dialect === 'sqlite') {
    // IMMEDIATE: a transaction takes the write lock at BEGIN and waits for it (busy timeout) instead of
    // failing with SQLITE_BUSY when it tries to upgrade a read snapshot that another writer moved on.
    return {
      ...common,
      dialect: 'sqlite',
      storage: target.location,
      pool: { max: 1, min: 0 },
      transactionType: Transaction.TYPES.IMMEDIATE,
    };
  }
  return { ...common, dialect: 'postgres', pool: { max: 10, min: 0, idle: 10_000 } };
}

/** ltijs-sequelize takes (database, user, password, options), not a URL. */
function postgresPlugin(url: string, options: Options) {
  const u = new URL(url);
  return new LtiSequelize(
    decodeURIComponent(u.pathname.slice(1)),
    decodeURIComponent(u.username),
    decodeURIComponent(u.password),
    {
      ...options,
      host: u.hostname,
      port: Number(u.port || 5432),
    },
  );
}

export interface Databases {
  target: DatabaseTarget;
  /** The product's tables. */
  sequelize: Sequelize;
  /** The plugin ltijs keeps platforms, keys, nonces and tokens with. */
  ltiPlugin: unknown;
  close(): Promise<void>;
}

/**
 * ltijs-sequelize runs its own migrations with `console` as their logger, which printed raw objects
 * among the tool's JSON log lines on every start; during its setup they go to the tool's log instead.
 */
function logMigrationsTo(plugin: { setup(): Promise<unknown> }, log: Logger) {
  const setup = plugin.setup.bind(plugin);
  plugin.setup = async () => {
    const info = console.info;
    console.info = (message: unknown) => log.debug({ ltijsMigration: message }, 'ltijs-sequelize migration');
    try {
      return await setup();
    } finally {
      console.info = info;
    }
  };
}

export async function openDatabases(
  url: string,
  log: Logger,
  synchronous: SqliteSynchronous = 'NORMAL',
): Promise<Databases> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    synchronousOf.set(target.location, synchronous);
    tuneSqliteConnections();
    fs.mkdirSync(path.dirname(target.location), { recursive: true });
  }
  const options = sequelizeOptions(target);
  const sequelize = target.dialect === 'sqlite' ? new Sequelize(options) : new Sequelize(target.location, options);
  if (target.dialect === 'sqlite') await sequelize.query('PRAGMA journal_mode = WAL');
  await sequelize.authenticate();
  const ltiPlugin =
    target.dialect === 'sqlite'
      ? new LtiSequelize('mentoring', '', '', { ...options })
      : postgresPlugin(target.location, options);
  logMigrationsTo(ltiPlugin as { setup(): Promise<unknown> }, log);
  return {
    target,
    sequelize,
    ltiPlugin,
    close: async () => {
      await sequelize.close();
    },
  };
}

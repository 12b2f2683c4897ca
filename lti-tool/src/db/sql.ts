/**
 * A thin layer over Sequelize's raw queries: the models write plain SQL that runs unchanged on
 * SQLite and PostgreSQL, and services group writes in transactions. Values are always bound
 * parameters, never pasted into the query text.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export type Params = Record<string, unknown>;

/**
 * Turns the models' `:name` placeholders into positional bound parameters (`$1`, `$2`…), which both
 * drivers send apart from the query text. An array becomes one parameter per element, for
 * `IN (:ids)`; an empty one becomes `NULL`, which matches nothing. Quoted text and PostgreSQL's
 * `::` casts are left alone.
 */
export function bindParams(query: string, params: Params): { query: string; bind: unknown[] } {
  const bind: unknown[] = [];
  const positions = new Map<string, string>();
  let out = '';
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (c === "'" || c === '"') {
      const end = query.indexOf(c, i + 1);
      const stop = end === -1 ? query.length : end + 1;
      out += query.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === ':' && query[i + 1] === ':') {
      out += '::';
      i += 2;
      continue;
    }
    const name = c === ':' ? /^[A-Za-z_]\w*/.exec(query.slice(i + 1))?.[0] : undefined;
    if (!name) {
      out += c;
      i++;
      continue;
    }
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    let placeholder = positions.get(name);
    if (placeholder === undefined) {
      const value = params[name];
      const values = Array.isArray(value) ? (value as unknown[]) : [value];
      placeholder = values.length
        ? values.map((v) => (bind.push(v === undefined ? null : v), `$${bind.length}`)).join(', ')
        : 'NULL';
      positions.set(name, placeholder);
    }
    out += placeholder;
    i += 1 + name.length;
  }
  return { query: out, bind };
}

/**
 * SQLite has one writer at a time, and a waiting writer sleeps in growing steps (up to 100 ms).
 * Queueing our own transactions here, in-process, keeps them from sleeping on each other.
 */
class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class Sql {
  private readonly writes: WriteQueue | null;

  constructor(
    readonly sequelize: Sequelize,
    private readonly transaction?: Transaction,
    writes?: WriteQueue | null,
  ) {
    this.writes = writes !== undefined ? writes : sequelize.getDialect() === 'sqlite' ? new WriteQueue() : null;
  }

  async all<T extends object>(query: string, params: Params = {}): Promise<T[]> {
    const bound = bindParams(query, params);
    return this.sequelize.query<T>(bound.query, {
      bind: bound.bind,
      type: QueryTypes.SELECT,
      transaction: this.transaction,
    });
  }

  async one<T extends object>(query: string, params: Params = {}): Promise<T | undefined> {
    const rows = await this.all<T>(query, params);
    return rows[0];
  }

  /** Runs a write with `RETURNING`; answers the rows it returned. */
  async returning<T extends object>(query: string, params: Params = {}): Promise<T[]> {
    // Sequelize's SQLite driver reads no rows from a query whose text starts with "INSERT INTO".
    return this.all<T>(`/* returning */ ${query}`, params);
  }

  /** Runs a write; answers how many rows it changed where the driver tells. */
  async run(query: string, params: Params = {}): Promise<number> {
    const bound = bindParams(query, params);
    // Sequelize's SQLite driver counts changed rows of an UPDATE or DELETE only when told the kind.
    const verb = /^\s*(update|delete)\b/i.exec(query)?.[1]?.toLowerCase();
    if (verb) {
      const type = verb === 'update' ? QueryTypes.BULKUPDATE : QueryTypes.BULKDELETE;
      const changed: unknown = await this.sequelize.query(bound.query, {
        bind: bound.bind,
        transaction: this.transaction,
        type,
      });
      return typeof changed === 'number' ? changed : 0;
    }
    const [, meta] = await this.sequelize.query(bound.query, { bind: bound.bind, transaction: this.transaction });
    const m = meta as { changes?: number; rowCount?: number } | number | undefined;
    if (typeof m === 'number') return m;
    return m?.changes ?? m?.rowCount ?? 0;
  }

  /**
   * Runs `work` in one transaction (a no-op wrapper when already inside one). On PostgreSQL a
   * transaction the server chose as a deadlock victim is run again, as the server advises.
   */
  async tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.transaction) return work(this);
    const run = () => this.sequelize.transaction((t) => work(new Sql(this.sequelize, t, this.writes)));
    if (this.writes) return this.writes.run(run);
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        if (attempt >= 3 || !isRetryable(err)) throw err;
      }
    }
  }

  get dialect(): string {
    return this.sequelize.getDialect();
  }
}

/** PostgreSQL's deadlock and serialization failures: the transaction may simply be run again. */
function isRetryable(err: unknown): boolean {
  const code = (err as { parent?: { code?: string } }).parent?.code;
  return code === '40P01' || code === '40001';
}

/** JSON text columns to values and back. */
export const json = {
  read<T>(v: unknown, fallback: T): T {
    if (typeof v !== 'string' || v === '') return fallback;
    try {
      return JSON.parse(v) as T;
    } catch {
      return fallback;
    }
  },
  write(v: unknown): string {
    return JSON.stringify(v);
  },
};

/** Epoch-millisecond columns (BIGINT comes back as a string from PostgreSQL). */
export const time = {
  iso(v: unknown): string {
    return new Date(Number(v)).toISOString();
  },
  isoOrNull(v: unknown): string | null {
    return v === null || v === undefined ? null : new Date(Number(v)).toISOString();
  },
  ms(iso: string): number {
    return Date.parse(iso);
  },
};

export const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

/** Child rows by their parent's id, in one pass: assembling a list never filters all children per row. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

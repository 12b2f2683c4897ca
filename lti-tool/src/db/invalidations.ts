/**
 * Invalidation of in-memory caches across every process on one database (SQLite file or
 * PostgreSQL). A change is applied here at once and written to `cache_invalidations`; each process
 * reads rows newer than its last every POLL_MS and applies them, so another process forgets within
 * a fraction of a second. Rows older than a minute are pruned: a process that has not polled for
 * that long is not serving.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Sql } from './sql.ts';

export const POLL_MS = 200;
const KEEP_MS = 60_000;
const LATE_WINDOW = 64;

type Listener = (key: string) => void;

export class Invalidations {
  private readonly listeners: Listener[] = [];
  private last = 0;
  /** Ids applied lately: PostgreSQL may commit a lower id after a higher one was read. */
  private readonly applied = new Set<number>();
  private stopPolling: (() => void) | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Starts reading other processes' invalidations from now on. */
  async start() {
    const row = await this.sql.one<{ last: number | string | null }>('SELECT MAX(id) AS last FROM cache_invalidations');
    this.last = Number(row?.last ?? 0);
    for (let id = this.last - LATE_WINDOW + 1; id <= this.last; id++) if (id > 0) this.applied.add(id);
    this.stopPolling = this.clock.every(POLL_MS, () =>
      this.poll().catch((err) => this.log.warn({ err }, 'reading cache invalidations failed')),
    );
  }

  stop() {
    this.stopPolling?.();
  }

  /** `listener` is called with every key forgotten, here or in another process. */
  subscribe(listener: Listener) {
    this.listeners.push(listener);
  }

  /** Forgets `keys` here at once and tells the other processes. Call after the change is committed. */
  async publish(...keys: string[]) {
    if (!keys.length) return;
    this.apply(keys);
    await this.sql.run('INSERT INTO cache_invalidations (keys, created_at) VALUES (:keys, :now)', {
      keys: JSON.stringify(keys),
      now: this.clock.now(),
    });
  }

  /** Applies what other processes published since the last poll (our own rows again: harmless). */
  async poll() {
    const since = this.last - LATE_WINDOW;
    const rows = await this.sql.all<{ id: number | string; keys: string }>(
      'SELECT id, keys FROM cache_invalidations WHERE id > :since ORDER BY id',
      { since },
    );
    for (const row of rows) {
      const id = Number(row.id);
      if (this.applied.has(id)) continue;
      this.applied.add(id);
      this.last = Math.max(this.last, id);
      this.apply(JSON.parse(row.keys) as string[]);
    }
    for (const id of this.applied) if (id <= this.last - LATE_WINDOW) this.applied.delete(id);
  }

  async prune() {
    await this.sql.run('DELETE FROM cache_invalidations WHERE created_at < :before', {
      before: this.clock.now() - KEEP_MS,
    });
  }

  private apply(keys: string[]) {
    for (const key of keys) for (const listener of this.listeners) listener(key);
  }
}

/** The keys caches listen for. */
export const cacheKey = {
  browser: (connectionId: string) => `browser:${connectionId}`,
  member: (programId: string, personId: string) => `member:${programId}:${personId}`,
  person: (personId: string) => `person:${personId}`,
  locales: (personId: string) => `locales:${personId}`,
  program: (programId: string) => `program:${programId}`,
  deployments: 'deployments',
  platformOrigins: 'platform-origins',
};

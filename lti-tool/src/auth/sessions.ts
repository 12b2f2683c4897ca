/**
 * Authenticates API calls without a database round trip on the hot path. A launch's ltik is
 * recorded once (hashed) when the launch lands; after that the principal comes from memory. The
 * extension's personal tokens are looked up once and cached until revoked. Revocations and role
 * changes reach every process through `Invalidations`; a process that has not seen a token reads
 * it from the database.
 */
import type { Clock } from '../clock.ts';
import { cacheKey, type Invalidations } from '../db/invalidations.ts';
import type { Sql } from '../db/sql.ts';
import type { Principal } from './principal.ts';
import { EXTENSION_TOKEN_PREFIX, sha256, verifyHs256 } from './tokens.ts';
import type { ProgramRole } from '@mentoring/shared';

interface Cached {
  principal: Principal;
  expiresAt: number;
  /** For a browser: when this process last wrote its `last_used_at`. */
  touchedAt?: number;
}

/** A connected browser's "last used" is written at most this often per process: true to within minutes, cheap. */
export const LAST_USED_EVERY_MS = 5 * 60_000;

/** A small bounded map that forgets the oldest entries first. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V) {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(k, v);
  }
  delete(k: string) {
    this.map.delete(k);
  }
  deleteWhere(test: (v: V) => boolean) {
    for (const [k, v] of this.map) if (test(v)) this.map.delete(k);
  }
}

export class Sessions {
  private readonly launches = new BoundedCache<Cached>(50_000);
  private readonly browsers = new BoundedCache<Cached>(50_000);
  /** Counts invalidations, so a lookup that raced one does not cache what it read before it. */
  private generation = 0;

  constructor(
    private readonly sql: Sql,
    private readonly ltiKey: string,
    private readonly launchSessionMs: number,
    private readonly clock: Clock,
    private readonly invalidations: Invalidations,
  ) {
    invalidations.subscribe((key) => {
      this.generation++;
      if (key.startsWith('browser:')) this.forget((c) => key === cacheKey.browser(c.principal.connectionId ?? ''));
      else if (key.startsWith('member:'))
        this.forget((c) => key === cacheKey.member(c.principal.programId, c.principal.personId));
    });
  }

  /** Records a landed launch so its ltik authenticates API calls until the session expires. */
  async recordLaunch(
    ltik: string,
    p: { personId: string; programId: string; programRole: ProgramRole },
    sql: Sql = this.sql,
  ) {
    const now = this.clock.now();
    const expiresAt = now + this.launchSessionMs;
    const hash = sha256(ltik);
    await sql.run(
      `INSERT INTO launch_sessions (token_hash, program_id, person_id, program_role, created_at, expires_at)
       VALUES (:hash, :programId, :personId, :programRole, :now, :expiresAt)`,
      { hash, ...p, now, expiresAt },
    );
    this.launches.set(ltik, { principal: { ...p, via: 'launch' }, expiresAt });
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (token.startsWith(EXTENSION_TOKEN_PREFIX)) return this.authenticateBrowser(token);
    const now = this.clock.now();
    const cached = this.launches.get(token);
    if (cached) return cached.expiresAt > now ? cached.principal : null;
    // Not seen since start: the signature must hold before the database is asked.
    if (!verifyHs256(token, this.ltiKey)) return null;
    const generation = this.generation;
    const row = await this.sql.one<{
      program_id: string;
      person_id: string;
      program_role: ProgramRole;
      expires_at: string | number;
    }>('SELECT program_id, person_id, program_role, expires_at FROM launch_sessions WHERE token_hash = :hash', {
      hash: sha256(token),
    });
    if (!row) return null;
    const entry: Cached = {
      principal: { personId: row.person_id, programId: row.program_id, programRole: row.program_role, via: 'launch' },
      expiresAt: Number(row.expires_at),
    };
    if (generation === this.generation) this.launches.set(token, entry);
    return entry.expiresAt > now ? entry.principal : null;
  }

  private async authenticateBrowser(token: string): Promise<Principal | null> {
    const hash = sha256(token);
    const cached = this.browsers.get(hash);
    if (cached) {
      await this.touchBrowser(cached);
      return cached.principal;
    }
    const generation = this.generation;
    const row = await this.sql.one<{ id: string; program_id: string; person_id: string; program_role: ProgramRole }>(
      `SELECT c.id, c.program_id, c.person_id, m.program_role
         FROM browser_connections c JOIN memberships m ON m.program_id = c.program_id AND m.person_id = c.person_id
        WHERE c.token_hash = :hash AND c.revoked_at IS NULL`,
      { hash },
    );
    if (!row) return null;
    const entry: Cached = {
      principal: {
        personId: row.person_id,
        programId: row.program_id,
        programRole: row.program_role,
        via: 'extension',
        connectionId: row.id,
      },
      expiresAt: Number.POSITIVE_INFINITY,
    };
    if (generation === this.generation) this.browsers.set(hash, entry);
    await this.touchBrowser(entry);
    return entry.principal;
  }

  /** Moves the browser's "last used" on, at most every few minutes (the person sees it to revoke what is unused). */
  private async touchBrowser(entry: Cached) {
    const now = this.clock.now();
    if (entry.touchedAt !== undefined && now - entry.touchedAt < LAST_USED_EVERY_MS) return;
    entry.touchedAt = now;
    await this.sql.run('UPDATE browser_connections SET last_used_at = :now WHERE id = :id', {
      now,
      id: entry.principal.connectionId,
    });
  }

  /** A revoked browser stops working at once here, and within a poll in every other process. */
  forgetBrowser(connectionId: string) {
    return this.invalidations.publish(cacheKey.browser(connectionId));
  }

  /** After a role change (a new launch with other LMS roles), cached principals must not linger. */
  forgetPerson(personId: string, programId: string) {
    return this.invalidations.publish(cacheKey.member(programId, personId));
  }

  /** Deletes launch sessions that have ended; answers how many. */
  pruneExpired(): Promise<number> {
    return this.sql.run('DELETE FROM launch_sessions WHERE expires_at <= :now', { now: this.clock.now() });
  }

  private forget(test: (c: Cached) => boolean) {
    this.launches.deleteWhere(test);
    this.browsers.deleteWhere(test);
  }
}

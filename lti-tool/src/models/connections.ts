/**
 * Pairing codes and the browsers connected with them. Codes and tokens are stored only as their
 * sha256 hashes: a copy of the database lets nobody in.
 */
import crypto from 'node:crypto';
import type { BrowserConnection, ProgramRole } from '@mentoring/shared';
import { time, type Sql } from '../db/sql.ts';

interface ConnectionRow {
  id: string;
  label: string;
  browser: string | null;
  system: string | null;
  created_at: number | string;
  last_used_at: number | string | null;
}

const toConnection = (r: ConnectionRow): BrowserConnection => ({
  id: r.id,
  label: r.label,
  browser: r.browser,
  system: r.system,
  createdAt: time.iso(r.created_at),
  lastUsedAt: time.isoOrNull(r.last_used_at),
});

/** Stores a new code and forgets expired ones, so the table stays small. */
export async function insertPairingCode(
  sql: Sql,
  c: { codeHash: string; programId: string; personId: string; expiresAt: number },
  now: number,
) {
  await sql.run('DELETE FROM pairing_codes WHERE expires_at < :now', { now });
  await sql.run(
    `INSERT INTO pairing_codes (code_hash, program_id, person_id, expires_at, used_at) VALUES (:codeHash, :programId, :personId, :expiresAt, NULL)`,
    c,
  );
}

export interface CodeOwner {
  program_id: string;
  person_id: string;
}

/**
 * Marks a code used if it is unused and unexpired, in one statement, so two exchanges racing for
 * one code cannot both win; answers whose code it was.
 */
export async function usePairingCode(sql: Sql, codeHash: string, now: number): Promise<CodeOwner | undefined> {
  const rows = await sql.all<CodeOwner>(
    `UPDATE pairing_codes SET used_at = :now WHERE code_hash = :codeHash AND used_at IS NULL AND expires_at > :now
     RETURNING program_id, person_id`,
    { codeHash, now },
  );
  return rows[0];
}

export async function insertConnection(
  sql: Sql,
  c: {
    programId: string;
    personId: string;
    label: string;
    browser: string | null;
    system: string | null;
    tokenHash: string;
  },
  now: number,
): Promise<BrowserConnection> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO browser_connections (id, program_id, person_id, label, browser, system, token_hash, created_at, last_used_at, revoked_at)
     VALUES (:id, :programId, :personId, :label, :browser, :system, :tokenHash, :now, NULL, NULL)`,
    { ...c, id, now },
  );
  return { id, label: c.label, browser: c.browser, system: c.system, createdAt: time.iso(now), lastUsedAt: null };
}

/** The person's connected browsers in the program (revoked ones are gone), newest first. */
export async function connectionsOf(sql: Sql, programId: string, personId: string): Promise<BrowserConnection[]> {
  const rows = await sql.all<ConnectionRow>(
    `SELECT id, label, browser, system, created_at, last_used_at FROM browser_connections
      WHERE person_id = :personId AND program_id = :programId AND revoked_at IS NULL
      ORDER BY created_at DESC`,
    { programId, personId },
  );
  return rows.map(toConnection);
}

export async function findOwnConnection(
  sql: Sql,
  id: string,
  owner: { programId: string; personId: string },
): Promise<{ id: string; revoked_at: number | string | null } | undefined> {
  return sql.one(
    'SELECT id, revoked_at FROM browser_connections WHERE id = :id AND program_id = :programId AND person_id = :personId',
    {
      id,
      ...owner,
    },
  );
}

/** Renames one of the person's live connections; answers it as it is now, or undefined when it is not theirs. */
export async function renameConnectionRow(
  sql: Sql,
  id: string,
  owner: { programId: string; personId: string },
  label: string,
): Promise<BrowserConnection | undefined> {
  const rows = await sql.all<ConnectionRow>(
    `UPDATE browser_connections SET label = :label
      WHERE id = :id AND program_id = :programId AND person_id = :personId AND revoked_at IS NULL
      RETURNING id, label, browser, system, created_at, last_used_at`,
    { id, ...owner, label },
  );
  return rows[0] && toConnection(rows[0]);
}

export async function revokeConnectionRow(sql: Sql, id: string, now: number) {
  await sql.run('UPDATE browser_connections SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL', { id, now });
}

/** The person's role in the program, for the `me` a new connection answers with. */
export async function programRoleOf(sql: Sql, programId: string, personId: string): Promise<ProgramRole | undefined> {
  const row = await sql.one<{ program_role: ProgramRole }>(
    'SELECT program_role FROM memberships WHERE program_id = :programId AND person_id = :personId',
    { programId, personId },
  );
  return row?.program_role;
}

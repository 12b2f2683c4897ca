/** Calendar subscriptions: one secret address per person and program, kept only as a hash. */
import { time, type Sql } from '../db/sql.ts';

export async function replaceFeed(
  sql: Sql,
  f: { tokenHash: string; programId: string; personId: string },
  now: number,
) {
  await revokeFeeds(sql, f.programId, f.personId, now);
  await sql.run(
    `INSERT INTO calendar_feeds (token_hash, program_id, person_id, created_at, revoked_at) VALUES (:tokenHash, :programId, :personId, :now, NULL)`,
    { ...f, now },
  );
}

export async function revokeFeeds(sql: Sql, programId: string, personId: string, now: number) {
  await sql.run(
    'UPDATE calendar_feeds SET revoked_at = :now WHERE program_id = :programId AND person_id = :personId AND revoked_at IS NULL',
    { programId, personId, now },
  );
}

export async function activeFeedOf(
  sql: Sql,
  programId: string,
  personId: string,
): Promise<{ createdAt: string } | undefined> {
  const row = await sql.one<{ created_at: number | string }>(
    'SELECT created_at FROM calendar_feeds WHERE program_id = :programId AND person_id = :personId AND revoked_at IS NULL',
    { programId, personId },
  );
  return row && { createdAt: time.iso(row.created_at) };
}

export async function findFeed(
  sql: Sql,
  tokenHash: string,
): Promise<{ programId: string; personId: string; revoked: boolean } | undefined> {
  const row = await sql.one<{ program_id: string; person_id: string; revoked_at: unknown }>(
    'SELECT program_id, person_id, revoked_at FROM calendar_feeds WHERE token_hash = :tokenHash',
    { tokenHash },
  );
  return row && { programId: row.program_id, personId: row.person_id, revoked: row.revoked_at !== null };
}

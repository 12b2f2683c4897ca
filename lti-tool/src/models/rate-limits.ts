/** Rate-limit counters: points used in a bucket until it expires (epoch ms; null: never). */
import type { Sql } from '../db/sql.ts';

export interface CounterRow {
  points: number | string;
  expires_at: number | string | null;
}

/**
 * Adds points to a bucket in one statement, starting it afresh when it has expired; with `reset`
 * the bucket is set to exactly these points. Answers the bucket as it now is, read in the same
 * transaction (Sequelize's SQLite driver drops the rows of an `INSERT … RETURNING`).
 */
export async function addPoints(
  sql: Sql,
  c: { bucket: string; points: number; expiresAt: number | null; reset: boolean },
  now: number,
): Promise<CounterRow> {
  const update = c.reset
    ? 'points = excluded.points, expires_at = excluded.expires_at'
    : `points = CASE WHEN rate_limits.expires_at IS NULL OR rate_limits.expires_at > :now
                  THEN rate_limits.points + excluded.points ELSE excluded.points END,
       expires_at = CASE WHEN rate_limits.expires_at IS NULL OR rate_limits.expires_at > :now
                  THEN rate_limits.expires_at ELSE excluded.expires_at END`;
  // One statement, atomic on its own: every login pays for it.
  const [row] = await sql.returning<CounterRow>(
    `INSERT INTO rate_limits (bucket, points, expires_at) VALUES (:bucket, :points, :expiresAt)
     ON CONFLICT (bucket) DO UPDATE SET ${update}
     RETURNING points, expires_at`,
    { bucket: c.bucket, points: c.points, expiresAt: c.expiresAt, now },
  );
  return row!;
}

export async function findCounter(sql: Sql, bucket: string, now: number): Promise<CounterRow | undefined> {
  return sql.one<CounterRow>(
    'SELECT points, expires_at FROM rate_limits WHERE bucket = :bucket AND (expires_at IS NULL OR expires_at > :now)',
    { bucket, now },
  );
}

export async function deleteCounter(sql: Sql, bucket: string): Promise<boolean> {
  return (await sql.run('DELETE FROM rate_limits WHERE bucket = :bucket', { bucket })) > 0;
}

/** Forgets buckets that expired before `cutoff`, so the table stays small. */
export async function deleteExpiredCounters(sql: Sql, cutoff: number): Promise<void> {
  await sql.run('DELETE FROM rate_limits WHERE expires_at < :cutoff', { cutoff });
}

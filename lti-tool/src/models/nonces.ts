/** Nonces issued at login, bound to the login's state, taken back once at launch. */
import type { Sql } from '../db/sql.ts';

export async function issueNonce(sql: Sql, nonce: string, state: string, expiresAt: number) {
  await sql.run('INSERT INTO launch_nonces (nonce, state, expires_at) VALUES (:nonce, :state, :expiresAt)', {
    nonce,
    state,
    expiresAt,
  });
}

/** True once for a nonce issued for this state and still valid; the nonce is gone afterwards. */
export async function takeNonce(sql: Sql, nonce: string, state: string, now: number): Promise<boolean> {
  // RETURNING (SQLite 3.35+, PostgreSQL) answers the rows this statement removed, so of two
  // launches racing with one nonce only one gets it.
  const taken = await sql.all<{ nonce: string }>(
    'DELETE FROM launch_nonces WHERE nonce = :nonce AND state = :state AND expires_at >= :now RETURNING nonce',
    { nonce, state, now },
  );
  return taken.length === 1;
}

/** Deletes the nonces of logins that never came back; answers how many. */
export function pruneNonces(sql: Sql, now: number): Promise<number> {
  return sql.run('DELETE FROM launch_nonces WHERE expires_at < :now', { now });
}

/** Logins in flight (by ltijs's OIDC state) and each platform's relaunch address template. */
import type { Sql } from '../db/sql.ts';

export interface PendingLogin {
  state: string;
  issuer: string;
  clientId: string | null;
  /** Where a top-level window starts this launch again at the LMS, when it is known at login. */
  relaunchUrl: string | null;
  /** LTI Platform Storage, when the platform offered it: frame name, origin, hash of the secret kept there. */
  storage: { target: string; origin: string; secretHash: string } | null;
  expiresAt: number;
}

interface Row {
  state: string;
  issuer: string;
  client_id: string | null;
  relaunch_url: string | null;
  storage_target: string | null;
  storage_origin: string | null;
  storage_secret_hash: string | null;
  expires_at: number | string;
}

export async function savePendingLogin(sql: Sql, p: PendingLogin): Promise<void> {
  await sql.run(
    `INSERT INTO pending_logins (state, issuer, client_id, relaunch_url, storage_target, storage_origin, storage_secret_hash, expires_at)
     VALUES (:state, :issuer, :clientId, :relaunchUrl, :target, :origin, :secretHash, :expiresAt)`,
    {
      state: p.state,
      issuer: p.issuer,
      clientId: p.clientId,
      relaunchUrl: p.relaunchUrl,
      target: p.storage?.target ?? null,
      origin: p.storage?.origin ?? null,
      secretHash: p.storage?.secretHash ?? null,
      expiresAt: p.expiresAt,
    },
  );
}

export async function findPendingLogin(sql: Sql, state: string, now = Date.now()): Promise<PendingLogin | undefined> {
  const r = await sql.one<Row>('SELECT * FROM pending_logins WHERE state = :state AND expires_at > :now', {
    state,
    now,
  });
  if (!r) return undefined;
  return {
    state: r.state,
    issuer: r.issuer,
    clientId: r.client_id,
    relaunchUrl: r.relaunch_url,
    storage:
      r.storage_target && r.storage_origin && r.storage_secret_hash
        ? { target: r.storage_target, origin: r.storage_origin, secretHash: r.storage_secret_hash }
        : null,
    expiresAt: Number(r.expires_at),
  };
}

/** Takes a login's Platform Storage secret out of use; answers whether this call was the one that did. */
export async function spendPendingLogin(sql: Sql, state: string): Promise<boolean> {
  // One statement, so that of two instances given the same secret at once only one sees the row go.
  const gone = await sql.all('DELETE FROM pending_logins WHERE state = :state RETURNING state', { state });
  return gone.length > 0;
}

export async function prunePendingLogins(sql: Sql, now = Date.now()): Promise<number> {
  return sql.run('DELETE FROM pending_logins WHERE expires_at <= :now', { now });
}

export async function relaunchTemplateOf(sql: Sql, issuer: string, clientId: string): Promise<string | null> {
  const r = await sql.one<{ relaunch_template: string | null }>(
    'SELECT relaunch_template FROM platform_settings WHERE issuer = :issuer AND client_id = :clientId',
    { issuer, clientId },
  );
  return r?.relaunch_template ?? null;
}

export async function setRelaunchTemplate(
  sql: Sql,
  issuer: string,
  clientId: string,
  template: string | null,
): Promise<void> {
  await sql.tx(async (tx) => {
    const params = { issuer, clientId, template, now: Date.now() };
    await tx.run('DELETE FROM platform_settings WHERE issuer = :issuer AND client_id = :clientId', params);
    await tx.run(
      'INSERT INTO platform_settings (issuer, client_id, relaunch_template, updated_at) VALUES (:issuer, :clientId, :template, :now)',
      params,
    );
  });
}

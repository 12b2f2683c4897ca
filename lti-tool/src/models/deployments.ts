/** The deployments each registered platform may launch from; any other is refused. */
import type { Sql } from '../db/sql.ts';

export async function addDeployment(sql: Sql, d: { issuer: string; clientId: string; deploymentId: string }) {
  const exists = await isKnownDeployment(sql, d);
  if (!exists) {
    await sql.run(
      'INSERT INTO platform_deployments (issuer, client_id, deployment_id, created_at) VALUES (:issuer, :clientId, :deploymentId, :now)',
      { ...d, now: Date.now() },
    );
  }
}

export async function isKnownDeployment(
  sql: Sql,
  d: { issuer: string; clientId: string; deploymentId: string },
): Promise<boolean> {
  return !!(await sql.one(
    'SELECT 1 AS x FROM platform_deployments WHERE issuer = :issuer AND client_id = :clientId AND deployment_id = :deploymentId',
    d,
  ));
}

export async function deploymentsOf(sql: Sql, issuer: string, clientId: string): Promise<string[]> {
  const rows = await sql.all<{ deployment_id: string }>(
    'SELECT deployment_id FROM platform_deployments WHERE issuer = :issuer AND client_id = :clientId ORDER BY created_at',
    { issuer, clientId },
  );
  return rows.map((r) => r.deployment_id);
}

export async function removeDeployments(sql: Sql, issuer: string, clientId: string) {
  await sql.run('DELETE FROM platform_deployments WHERE issuer = :issuer AND client_id = :clientId', {
    issuer,
    clientId,
  });
}

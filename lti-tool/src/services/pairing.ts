/**
 * Connecting the browser extension (docs/design.md, "The extension and the tool"): a person launched from the course
 * asks for a short single-use code, the extension exchanges it for a personal token, and the person
 * sees and revokes their connected browsers. Codes and tokens are kept only as hashes.
 */
import {
  formatConnectionCode,
  type BrowserConnection,
  type PairingCode,
  type PairingExchange,
  type PairingResult,
  type RenameConnection,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { newExtensionToken, newPairingCode, normalizePairingCode, sha256 } from '../auth/tokens.ts';
import { time } from '../db/sql.ts';
import { forbidden, invalid, notFound } from './errors.ts';
import {
  connectionsOf,
  findOwnConnection,
  insertConnection,
  insertPairingCode,
  programRoleOf,
  renameConnectionRow,
  revokeConnectionRow,
  usePairingCode,
} from '../models/connections.ts';
import { describeMe } from './me.ts';
import type { App } from './app.ts';

export const PAIRING_CODE_MINUTES = 10;

const codeHash = (code: string) => sha256(normalizePairingCode(code));

export async function createPairingCode(app: App, principal: Principal): Promise<PairingCode> {
  const code = newPairingCode();
  const now = app.clock.now();
  const expiresAt = now + PAIRING_CODE_MINUTES * 60_000;
  await insertPairingCode(
    app.sql,
    { codeHash: codeHash(code), programId: principal.programId, personId: principal.personId, expiresAt },
    now,
  );
  return { code, connectionCode: formatConnectionCode(code, app.config.publicUrl), expiresAt: time.iso(expiresAt) };
}

/**
 * One refusal for every code that does not work, whether unknown, used or expired: the answer
 * must not tell someone guessing codes which ones exist.
 */
export const CODE_REFUSED = /*i18n*/ {
  id: 'refusal.pairing.code-refused',
  message:
    'This connection code does not work: it may be used already or expired (a code works once, for {minutes, plural, one {# minute} other {# minutes}}). In your workspace, open “Connect your browser”, get a new code and paste it here.',
  values: { minutes: PAIRING_CODE_MINUTES },
};

/**
 * Uses the code once and makes a connection whose token is shown only in this answer. Every try
 * counts against the caller's network; a code that works is given back.
 */
export async function exchangePairingCode(
  app: App,
  body: PairingExchange,
  caller: string,
  languages: readonly string[],
): Promise<PairingResult> {
  await app.limits.take('pairing', caller);
  const hash = codeHash(body.code);
  const now = app.clock.now();
  const token = newExtensionToken();
  const paired = await app.sql.tx(async (sql) => {
    const owner = await usePairingCode(sql, hash, now);
    if (!owner) return undefined;
    const connection = await insertConnection(
      sql,
      {
        programId: owner.program_id,
        personId: owner.person_id,
        label: body.browserName || [body.browser, body.system].filter(Boolean).join(' on ') || 'Browser',
        browser: body.browser || null,
        system: body.system || null,
        tokenHash: sha256(token),
      },
      now,
    );
    return { owner, connection };
  });
  if (!paired) throw invalid(CODE_REFUSED, 'code');
  await app.limits.giveBack('pairing', caller);
  const { program_id: programId, person_id: personId } = paired.owner;
  const programRole = await programRoleOf(app.sql, programId, personId);
  if (!programRole) throw notFound('Your program');
  return {
    token,
    connection: paired.connection,
    me: await describeMe(app, { personId, programId, programRole }, languages),
  };
}

export async function listConnections(app: App, principal: Principal): Promise<{ connections: BrowserConnection[] }> {
  return { connections: await connectionsOf(app.sql, principal.programId, principal.personId) };
}

export async function renameConnection(
  app: App,
  principal: Principal,
  id: string,
  body: RenameConnection,
): Promise<BrowserConnection> {
  const renamed = await renameConnectionRow(
    app.sql,
    id,
    { programId: principal.programId, personId: principal.personId },
    body.label,
  );
  if (!renamed) throw notFound('The browser connection');
  return renamed;
}

/**
 * Revokes one of the caller's browsers; its cached token is forgotten so the next call is refused.
 * From the extension, a browser may only disconnect itself.
 */
export async function revokeConnection(app: App, principal: Principal, id: string): Promise<{ ok: true }> {
  const connection = await findOwnConnection(app.sql, id, {
    programId: principal.programId,
    personId: principal.personId,
  });
  if (!connection) throw notFound('The browser connection');
  if (principal.via === 'extension' && principal.connectionId !== id) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.pairing.disconnect-itself-only',
        message: 'A connected browser can only disconnect itself; manage your other browsers in the workspace.',
      },
    );
  }
  await revokeConnectionRow(app.sql, id, app.clock.now());
  await app.sessions.forgetBrowser(id);
  return { ok: true };
}

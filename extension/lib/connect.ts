/**
 * Connecting this browser to the tool with a connection code (the pairing code with the tool's address) (`POST /api/pairing/exchange`), and
 * disconnecting it (`DELETE /api/connections/{id}`, then forgetting the token).
 */
import { t } from '@lingui/core/macro';
import { ConnectionCode, createApiClient } from '@mentoring/shared';
import { forgetConnection, readConnection, saveConnection, type Connection } from './connection.ts';
import { savePersonLocale } from './locale.ts';
import { describeError, sayFirstProblem } from './problems.ts';
import { callTool } from './tool.ts';

/** Reads a pasted connection code (the pairing code with the tool's address); throws the words to show. */
export function readConnectionCode(pasted: string): ConnectionCode {
  const parsed = ConnectionCode.safeParse(pasted);
  if (!parsed.success) throw new Error(sayFirstProblem(parsed.error.issues, pasted));
  return parsed.data;
}

const SYSTEMS: Record<string, string> = {
  mac: 'macOS',
  win: 'Windows',
  linux: 'Linux',
  cros: 'ChromeOS',
  android: 'Android',
  openbsd: 'OpenBSD',
  fuchsia: 'Fuchsia',
};

/** Which browser (with its major version) and system this is, so the person tells their connections apart. */
export function describeThisBrowser(
  userAgent: string,
  os: string,
  target: 'chrome' | 'firefox',
): { browser: string; system: string } {
  const version = (name: string) => new RegExp(`${name}/(\\d+)`).exec(userAgent)?.[1];
  const browser =
    target === 'firefox'
      ? `Firefox ${version('Firefox') ?? ''}`
      : version('Edg')
        ? `Edge ${version('Edg')}`
        : `Chrome ${version('Chrome') ?? ''}`;
  return { browser: browser.trim(), system: SYSTEMS[os] ?? os };
}

/**
 * The host permission to ask for before calling this tool, or null where none is needed: the tool
 * answers the extension's origin with CORS over https, or over http on this computer (127.0.0.1,
 * localhost); plain http elsewhere is reached only with its host permission.
 */
export function extraHostPermission(toolUrl: string): string | null {
  const url = new URL(toolUrl);
  if (url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') return null;
  return `${url.origin}/*`;
}

export async function connect(
  { toolUrl, code }: ConnectionCode,
  details: { browser: string; system: string },
): Promise<Connection> {
  const api = createApiClient({ baseUrl: toolUrl, getToken: () => null });
  const paired = await api.exchangePairingCode({ body: { code, ...details } });
  const connection: Connection = { toolUrl, token: paired.token, me: paired.me, connectionId: paired.connection.id };
  await Promise.all([saveConnection(connection), savePersonLocale(paired.me.locale)]);
  return connection;
}

/** Revokes this browser's token on the tool, then forgets it here in any case. */
export async function disconnect(): Promise<{ revoked: boolean; message: string }> {
  const connection = await readConnection();
  let result = { revoked: true, message: t`Disconnected. The token no longer works.` };
  if (connection?.token) {
    try {
      await callTool((api) => api.revokeConnection({ params: { id: connection.connectionId } }));
    } catch (err) {
      const problem = describeError(err);
      result = {
        revoked: false,
        message: t`Disconnected in this browser, but the tool could not revoke the token (${problem}). Revoke it under “Connected browsers” in your workspace.`,
      };
    }
  }
  await forgetConnection();
  return result;
}

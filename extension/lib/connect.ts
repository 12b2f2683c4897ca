/**
 * Connecting this browser to the tool with a pairing code (`POST /api/pairing/exchange`), and
 * disconnecting it (`DELETE /api/connections/{id}`, then forgetting the token).
 */
import { createApiClient } from '@mentoring/shared';
import { forgetConnection, readConnection, saveConnection, type Connection } from './connection.ts';
import { callTool, describeError } from './tool.ts';

/** The tool's address as typed by the person, checked and without a trailing slash. */
export function normalizeToolUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error('Enter the address of your mentoring tool, for example https://mentoring.example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('The tool’s address must start with https:// (or http:// on this computer).');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
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

export async function connect(toolUrl: string, code: string, browserName: string): Promise<Connection> {
  const api = createApiClient({ baseUrl: toolUrl, getToken: () => null });
  const paired = await api.exchangePairingCode({ body: { code: code.trim(), browserName } });
  const connection: Connection = { toolUrl, token: paired.token, me: paired.me, connectionId: paired.connection.id };
  await saveConnection(connection);
  return connection;
}

/** Revokes this browser's token on the tool, then forgets it here in any case. */
export async function disconnect(): Promise<{ revoked: boolean; message: string }> {
  const connection = await readConnection();
  let result = { revoked: true, message: 'Disconnected. The token no longer works.' };
  if (connection?.token) {
    try {
      await callTool((api) => api.revokeConnection({ params: { id: connection.connectionId } }));
    } catch (err) {
      result = {
        revoked: false,
        message: `Disconnected in this browser, but the tool could not revoke the token (${describeError(err)}). Revoke it under “Connected browsers” in your workspace.`,
      };
    }
  }
  await forgetConnection();
  return result;
}

/**
 * Calling the mentoring tool with this browser's token. A 401 means the person revoked this
 * browser (or the token expired): the connection is marked signed out at once, everywhere.
 */
import { t } from '@lingui/core/macro';
import { ApiError, createApiClient, type ApiClient } from '@mentoring/shared';
import { markSignedOut, readConnection, type Connection } from './connection.ts';

/** No token to call the tool with: never connected, or signed out. */
export class NotConnectedError extends Error {
  constructor(
    readonly signedOut: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'NotConnectedError';
  }
}

/** Why the tool signed this browser out, as the tool said it, or in general words. */
export function signedOutReason(connection: Pick<Connection, 'signedOutReason'>): string {
  return connection.signedOutReason ?? t`the tool no longer accepts this browser`;
}

function notConnectedError(connection: Connection | null): NotConnectedError {
  if (!connection) return new NotConnectedError(false, t`This browser is not connected to a mentoring workspace yet.`);
  const reason = signedOutReason(connection);
  return new NotConnectedError(
    true,
    t`Signed out: ${reason}. Connect again with a new connection code from “Connect your browser” in your workspace.`,
  );
}

export async function callTool<T>(call: (api: ApiClient, connection: Connection) => Promise<T>): Promise<T> {
  const connection = await readConnection();
  const token = connection?.token;
  if (!connection || !token) throw notConnectedError(connection);
  const api = createApiClient({ baseUrl: connection.toolUrl, getToken: () => token });
  try {
    return await call(api, connection);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) await markSignedOut(err.message);
    throw err;
  }
}

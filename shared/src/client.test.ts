import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client.ts';

/** A tool on 127.0.0.1 that never answers, and tells when a request's connection closes. */
async function silentTool() {
  const closed: string[] = [];
  let arrived: (req: IncomingMessage) => void = () => undefined;
  const server = createServer((req) => {
    arrived(req);
    req.socket.on('close', () => closed.push(req.url ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stops.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    closed,
    nextRequest: () => new Promise<IncomingMessage>((resolve) => (arrived = resolve)),
  };
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

describe('the typed client', () => {
  it('stops a request when its signal is aborted, and rejects with the abort, not an outage', async () => {
    const tool = await silentTool();
    const api = createApiClient({ baseUrl: tool.baseUrl, getToken: () => 't' });
    const controller = new AbortController();
    const request = tool.nextRequest();
    const call = api.listGoals({ params: { id: 'p-1' }, signal: controller.signal });
    expect((await request).url).toBe('/api/partnerships/p-1/goals');
    controller.abort();
    const error: unknown = await call.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
    await expect.poll(() => tool.closed).toEqual(['/api/partnerships/p-1/goals']);
  });

  it('still reports an unreachable tool as a network failure', async () => {
    const tool = await silentTool();
    await stops.pop()!();
    const api = createApiClient({ baseUrl: tool.baseUrl, getToken: () => null });
    await expect(api.me({})).rejects.toMatchObject({ code: 'network', retryable: true });
  });
});

describe('an address that is not the tool', () => {
  it('says what to do instead of a bare status', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Nope</h1>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    const api = createApiClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      getToken: () => null,
    });
    const error = (await api.exchangePairingCode({ body: { code: 'ABCD-EFGH' } }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/Check the address, or get a new connection code from “Connect your browser”/);
    expect(error.message).not.toMatch(/answered 404/);
  });
});

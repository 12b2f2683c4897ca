import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEYSET_TTL_MS, keepPlatformKeysets, launchKeyId } from './keysets.ts';

const ltijsHttp = createRequire(import.meta.url)('ltijs/dist/Utils/Http') as {
  get(url: string, options?: unknown): { json(): Promise<unknown> };
};

/** An id_token-shaped string whose header names `kid` (the signature is ltijs's to check, not this cache's). */
const tokenWithKid = (kid: string) =>
  [Buffer.from(JSON.stringify({ alg: 'RS256', kid })).toString('base64url'), 'e30', 'sig'].join('.');

let published: string[] = ['k1'];
let fetches = 0;
let platform: http.Server;
let tool: http.Server;
let platformUrl: string;
let toolUrl: string;

const listen = (server: http.Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  keepPlatformKeysets();
  platform = http.createServer((req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((kid) => ({ kid, kty: 'RSA' })), path: req.url }));
  });
  platformUrl = await listen(platform);
  // What ltijs does on a launch: fetch the platform's key set with its HTTP client, after our middleware.
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(launchKeyId());
  app.post('/launch', (req, res, next) => {
    const { set } = req.body as { set: string };
    ltijsHttp
      .get(`${platformUrl}/${set}`)
      .json()
      .then((keys) => res.json(keys), next);
  });
  tool = http.createServer(app);
  toolUrl = await listen(tool);
});

afterAll(() => {
  vi.useRealTimers();
  for (const server of [platform, tool]) {
    server.close();
    server.closeAllConnections();
  }
});

async function launch(set: string, kid: string): Promise<string[]> {
  const res = await fetch(`${toolUrl}/launch`, {
    method: 'POST',
    body: new URLSearchParams({ set, id_token: tokenWithKid(kid) }),
  });
  return ((await res.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
}

describe('platform key sets', () => {
  it('are fetched once for launches signed with a key the set holds', async () => {
    fetches = 0;
    expect(await launch('a', 'k1')).toEqual(['k1']);
    expect(await launch('a', 'k1')).toEqual(['k1']);
    expect(await launch('a', 'k1')).toEqual(['k1']);
    expect(fetches).toBe(1);
  });

  it('are fetched again for a launch signed with a key id the kept set lacks (the platform rotated its keys)', async () => {
    await launch('b', 'k1');
    fetches = 0;
    published = ['k1', 'k2'];
    expect(await launch('b', 'k2')).toEqual(['k1', 'k2']);
    expect(await launch('b', 'k2')).toEqual(['k1', 'k2']);
    expect(fetches).toBe(1);
  });

  it('are fetched again once the kept copy is a minute old, so a removed key stops verifying', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    published = ['k1', 'k2'];
    await launch('c', 'k1');
    published = ['k2'];
    vi.setSystemTime(Date.now() + KEYSET_TTL_MS + 1);
    expect(await launch('c', 'k2')).toEqual(['k2']);
    vi.useRealTimers();
  });

  it('leave ltijs’s other requests (with options) alone', async () => {
    fetches = 0;
    const get = () => ltijsHttp.get(`${platformUrl}/d`, { headers: { accept: 'application/json' } }).json();
    await get();
    await get();
    expect(fetches).toBe(2);
  });
});

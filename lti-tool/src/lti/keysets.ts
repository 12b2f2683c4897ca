/**
 * Platforms' key sets (JWKS), kept for a short while. ltijs fetches the platform's JWKS on every
 * launch before it verifies the id_token's signature (`Utils/Auth.js`, `got.get(keysEndpoint)`): an
 * HTTP round trip to the LMS per launch. Here its HTTP client answers that one call from a copy
 * fetched less than a minute ago, unless the launch is signed with a key id the copy lacks (the
 * platform rotated its keys): then it fetches anew. ltijs still checks the signature, the key id and
 * every claim as before; only where the key set comes from changes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import express, { type Router } from 'express';
import { decodeProtectedHeader } from 'jose';

/** How long a fetched key set serves launches; a removed key stops verifying within this time. */
export const KEYSET_TTL_MS = 60_000;

interface Kept {
  keys: Promise<{ keys?: Array<{ kid?: string }> }>;
  fetchedAt: number;
}

type Get = (url: string, options?: unknown) => { json(): Promise<unknown> };

const kept = new Map<string, Kept>();
/** The key id the launch in progress is signed with (from its id_token's header, not yet verified). */
const launchKid = new AsyncLocalStorage<string | undefined>();
let installed = false;

/** Wraps ltijs's HTTP client once per process: only its one-argument GETs (the JWKS fetch) are kept. */
export function keepPlatformKeysets() {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const http = require('ltijs/dist/Utils/Http') as { get: Get };
  const get = http.get.bind(http);
  http.get = ((url: string, ...rest: unknown[]) => {
    // Other GETs (grades, names and roles) carry options and are never kept.
    if (rest.length > 0 || typeof url !== 'string') return get(url, ...(rest as [unknown]));
    return { json: () => keyset(url, get) };
  }) as Get;
}

function keyset(url: string, get: Get): Promise<unknown> {
  const now = Date.now();
  const copy = kept.get(url);
  const kid = launchKid.getStore();
  if (copy && now - copy.fetchedAt < KEYSET_TTL_MS) {
    // A key id the copy lacks costs what every launch cost before: one fetch.
    const stale = copy.keys.then(
      (set) => kid !== undefined && !set.keys?.some((k) => k.kid === kid),
      () => true,
    );
    return stale.then((again) => (again ? fetchKeyset(url, get, now) : copy.keys));
  }
  return fetchKeyset(url, get, now);
}

function fetchKeyset(url: string, get: Get, now: number): Kept['keys'] {
  const keys = get(url).json() as Kept['keys'];
  kept.set(url, { keys, fetchedAt: now });
  // A failed fetch is not kept: the next launch tries again.
  keys.catch(() => {
    if (kept.get(url)?.keys === keys) kept.delete(url);
  });
  return keys;
}

/** Express middleware on the launch route, in front of ltijs: notes the id_token's key id for `keyset`. */
export function launchKeyId(): Router {
  const router = express.Router();
  router.post(['/launch', '/launch/'], (req, _res, next) => {
    const token = (req.body as { id_token?: unknown } | undefined)?.id_token;
    let kid: string | undefined;
    try {
      kid = typeof token === 'string' ? decodeProtectedHeader(token).kid : undefined;
    } catch {
      kid = undefined;
    }
    launchKid.run(kid, next);
  });
  return router;
}

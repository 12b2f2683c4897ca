/** Signing keys: the platform's own RSA key, and verification of tools' JWTs through their JWKS URLs. */
import { randomBytes, type webcrypto } from 'node:crypto';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
}

export interface PlatformKey extends SigningKey {
  /** The public half, as served in the JWKS. */
  publicJwk: JWK;
}

/** Creates a fresh RS256 key pair (2048 bits: fast to make, accepted by ltijs). */
export async function generateSigningKey(
  kid = randomBytes(8).toString('hex'),
): Promise<SigningKey & { privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, privateJwk };
}

/** Loads the persisted platform key, or makes one; `save` receives a new key so it can be persisted. */
export async function platformKey(saved: JWK | undefined, save: (jwk: JWK) => void): Promise<PlatformKey> {
  let jwk = saved;
  if (!jwk) {
    jwk = (await generateSigningKey()).privateJwk;
    save(jwk);
  }
  const privateKey = (await importJWK(jwk, 'RS256')) as webcrypto.CryptoKey;
  const { kty, n, e, kid, alg, use } = jwk;
  return { kid: kid!, privateKey, publicJwk: { kty, n, e, kid, alg, use } };
}

export function signJwt(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}

const toolKeySets = new Map<string, JWTVerifyGetKey>();

/**
 * The key set of a tool, fetched from its JWKS URL and cached. No cooldown: ltijs makes a new key per
 * registered platform, so an unknown kid must always trigger a fresh fetch.
 */
export function toolKeySet(jwksUrl: string): JWTVerifyGetKey {
  let set = toolKeySets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0, cacheMaxAge: 60_000 });
    toolKeySets.set(jwksUrl, set);
  }
  return set;
}

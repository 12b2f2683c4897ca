/**
 * Hostile Dynamic Registration: `GET /register?openid_configuration=…` names any URL. In
 * production only https to public addresses is fetched (unless the operator allows private ones);
 * always within a size and time limit, without following redirects, and the page never shows what
 * the remote answered. No platform is registered by a refused attempt.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlatforms } from '@mentoring/lti-tool/src/services/registration.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { expectRefusal } from './launch-support.ts';

const SECRET = 'internal-metadata-secret-7f3a';

let devTool: TestTool;
let prodTool: TestTool;
let remote: http.Server;
let remoteUrl: string;

/** A platform that answers each path in its own hostile way. */
function hostilePlatform(): http.Server {
  return http.createServer((req, res) => {
    const base = remoteUrl;
    const config = (extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        issuer: base,
        authorization_endpoint: `${base}/auth`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
        registration_endpoint: `${base}/register-bad-client`,
        ...extra,
      });
    res.setHeader('content-type', 'application/json');
    switch (req.url) {
      case '/error-page':
        res.statusCode = 500;
        res.setHeader('content-type', 'text/html');
        return res.end(`<h1>Internal</h1><pre>${SECRET}</pre>`);
      case '/not-json':
        res.setHeader('content-type', 'text/plain');
        return res.end(`root:x:0:0:${SECRET}`);
      case '/huge':
        return res.end(JSON.stringify({ filler: 'x'.repeat(400 * 1024), SECRET }));
      case '/redirect':
        res.statusCode = 302;
        res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
        return res.end();
      case '/other-issuer':
        return res.end(config({ issuer: `https://${SECRET}.example` }));
      case '/script-endpoints':
        return res.end(config({ authorization_endpoint: 'javascript:alert(1)' }));
      case '/bad-client':
        return res.end(config());
      case '/register-bad-client':
        return res.end(JSON.stringify({ client_id: { id: SECRET } }));
      case '/refusing':
        return res.end(config({ registration_endpoint: `${base}/register-refuses` }));
      case '/register-refuses':
        res.statusCode = 400;
        return res.end(JSON.stringify({ error: 'invalid_client_metadata', error_description: SECRET }));
      case '/array':
        return res.end('[1, 2, 3]');
      default:
        res.statusCode = 404;
        return res.end(SECRET);
    }
  });
}

const register = (tool: TestTool, configUrl: string | string[]) => {
  const url = new URL(`${tool.url}/register`);
  for (const u of [configUrl].flat()) url.searchParams.append('openid_configuration', u);
  return fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
};

beforeAll(async () => {
  remote = hostilePlatform();
  await new Promise<void>((r) => remote.listen(0, '127.0.0.1', r));
  remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  devTool = await startTestTool();
  prodTool = await startTestTool({ config: { production: true, registrationAllowPrivate: false } });
});

afterAll(async () => {
  await devTool?.close();
  await prodTool?.close();
  remote?.close();
});

describe('in production: only https, only public addresses', () => {
  const refused: Array<[string, () => string, RegExp]> = [
    ['a plain http URL', () => `${remoteUrl}/bad-client`, /is not https/],
    ['a file: URL', () => 'file:///etc/passwd', /is not https/],
    [
      'a loopback address',
      () => `https://127.0.0.1:${new URL(remoteUrl).port}/bad-client`,
      /private, loopback or link-local/,
    ],
    ['the IPv6 loopback', () => 'https://[::1]/.well-known/openid-configuration', /private, loopback or link-local/],
    [
      'the cloud metadata address',
      () => 'https://169.254.169.254/latest/meta-data/',
      /private, loopback or link-local/,
    ],
    [
      'a private network address',
      () => 'https://10.1.2.3/.well-known/openid-configuration',
      /private, loopback or link-local/,
    ],
    ['an IPv4-mapped loopback', () => 'https://[::ffff:127.0.0.1]/x', /private, loopback or link-local/],
    [
      'a name that resolves to loopback',
      () => `https://localhost:${new URL(remoteUrl).port}/bad-client`,
      /private, loopback or link-local/,
    ],
    ['something that is not a URL', () => 'not a url at all', /not a URL/],
  ];
  for (const [what, url, message] of refused) {
    it(`refuses ${what}`, async () => {
      await expectRefusal(await register(prodTool, url()), 400, message);
      expect(await listPlatforms(prodTool.app)).toEqual([]);
    });
  }
});

describe('never shows what the remote answered', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an error page', '/error-page', /answered with HTTP status 500/],
    ['text that is not JSON', '/not-json', /did not answer with JSON/],
    ['more than the size limit', '/huge', /more than 256 KB/],
    ['a redirect to the metadata address', '/redirect', /answered with HTTP status 302/],
    ['an issuer on another origin', '/other-issuer', /issuer is not on the same origin/],
    ['a javascript: endpoint', '/script-endpoints', /authorization_endpoint that are not http\(s\) URLs/],
    ['a client_id that is not text', '/bad-client', /no usable client_id/],
    ['a refusal with a description', '/refusing', /registration endpoint .* answered with HTTP status 400/],
    ['a JSON list instead of a configuration', '/array', /lacks issuer/],
  ];
  for (const [what, path, message] of cases) {
    it(`refuses ${what}`, async () => {
      const body = await expectRefusal(await register(devTool, `${remoteUrl}${path}`), 400, message);
      expect(body).not.toContain(SECRET);
      expect(await listPlatforms(devTool.app)).toEqual([]);
    });
  }

  it('refuses openid_configuration given twice', async () => {
    await expectRefusal(
      await register(devTool, [`${remoteUrl}/bad-client`, `${remoteUrl}/huge`]),
      400,
      /from your LMS/,
    );
  });
});

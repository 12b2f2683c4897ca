/**
 * The headers on every kind of page and file the tool serves outside the JSON API: a CSP without
 * 'unsafe-inline' script (a fresh nonce per answer), framing only by the registered LMS platforms,
 * nosniff, no referrer, and HSTS in production only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';

let tool: TestTool;
let lms: TestLms;

beforeAll(async () => {
  tool = await startTestTool({ env: { FRAME_ANCESTORS: 'https://school.instructure.example' } });
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

function directives(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectBaseHeaders(res: Response) {
  const csp = directives(res);
  expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')?.[0]).toBe("'self'");
  expect(csp.get('script-src')?.[1]).toMatch(/^'nonce-[A-Za-z0-9+/=]{20,}'$/);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

const get = (path: string) => fetch(`${tool.url}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });

describe('before any platform is registered', () => {
  it('lets only the operator’s FRAME_ANCESTORS frame the app', async () => {
    const res = await get('/app/');
    expectBaseHeaders(res);
    expect(directives(res).get('frame-ancestors')).toEqual(['https://school.instructure.example']);
    await res.arrayBuffer();
  });
});

describe('with a registered LMS', () => {
  beforeAll(async () => {
    await lms.registerTool(`${tool.url}/register`);
  });

  it('lets the LMS frame the app as soon as it is registered, and no one else', async () => {
    const res = await get('/app/');
    expectBaseHeaders(res);
    expect(directives(res).get('frame-ancestors')?.sort()).toEqual(
      [lms.url, 'https://school.instructure.example'].sort(),
    );
    expect(res.headers.get('strict-transport-security')).toBeNull();
    await res.arrayBuffer();
  });

  it('carries the headers on the app’s in-app paths, the root redirect, the keys and the health check', async () => {
    for (const path of ['/app/workspace/x', '/', '/keys', '/healthz']) {
      const res = await get(path);
      expect(res.status, path).toBeLessThan(500);
      expectBaseHeaders(res);
      await res.arrayBuffer();
    }
  });

  it('gives every answer its own nonce', async () => {
    const [a, b] = await Promise.all([get('/app/'), get('/app/')]);
    expect(directives(a).get('script-src')).not.toEqual(directives(b).get('script-src'));
    await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  });

  it('allows a refusal page’s own style by its hash, and nothing inline beyond it', async () => {
    const res = await fetch(
      `${tool.url}/login?iss=https://evil.example&login_hint=x&target_link_uri=https://evil.example/`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(res.status).toBe(400);
    expectBaseHeaders(res);
    const body = await res.text();
    const style = /<style>([^]*?)<\/style>/.exec(body)![1]!;
    const hash = `'sha256-${crypto.createHash('sha256').update(style).digest('base64')}'`;
    const [self, nonce, styleHash] = directives(res).get('style-src')!;
    expect([self, styleHash]).toEqual(["'self'", hash]);
    expect(nonce).toMatch(/^'nonce-/);
    expect(body).not.toMatch(/<script/);
  });

  it('runs the registration page’s closing script only by this answer’s nonce', async () => {
    const platform = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          req.url === '/config'
            ? {
                issuer: base,
                authorization_endpoint: `${base}/auth`,
                token_endpoint: `${base}/token`,
                jwks_uri: `${base}/jwks`,
                registration_endpoint: `${base}/register`,
              }
            : { client_id: 'page-test-client' },
        ),
      );
    });
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const configUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/config`;
    const res = await fetch(`${tool.url}/register?openid_configuration=${encodeURIComponent(configUrl)}`);
    platform.close();
    expect(res.status).toBe(200);
    // The platform frames registration before it is registered: its origin may, for this page only.
    expect(directives(res).get('frame-ancestors')).toContain(new URL(configUrl).origin);
    const body = await res.text();
    const nonce = /<script nonce="([^"]+)">/.exec(body)?.[1];
    expect(nonce).toBeTruthy();
    expect(directives(res).get('script-src')).toContain(`'nonce-${nonce}'`);
    expect(body.match(/<script/g)).toHaveLength(1);
  });
});

describe('in production', () => {
  let prod: TestTool;
  beforeAll(async () => {
    prod = await startTestTool({ config: { production: true, registrationAllowPrivate: false } });
  });
  afterAll(async () => {
    await prod?.close();
  });

  it('adds HSTS, and no site may frame the tool before a platform is registered', async () => {
    const res = await fetch(`${prod.url}/app/`);
    expectBaseHeaders(res);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(directives(res).get('frame-ancestors')).toEqual(["'none'"]);
    await res.arrayBuffer();
  });
});

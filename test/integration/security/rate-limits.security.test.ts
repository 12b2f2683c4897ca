/**
 * Rate limits on the routes a stranger reaches without signing in, `/login` and `/register`
 * (issue 8): 429 with Retry-After and a clear message, JSON or a page, counted in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { expectRefused, send } from './api-refusals.ts';

const LOGINS = 3;
const REGISTRATIONS = 2;
let tool: TestTool;
let address = 0;
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  tool = await startTestTool({
    env: { RATE_LIMIT_LOGIN: String(LOGINS), RATE_LIMIT_REGISTER: String(REGISTRATIONS), TRUST_PROXY_HOPS: '1' },
  });
}, 60_000);

afterAll(async () => {
  await tool?.close();
});

const login = (from: string, opts: { method?: string; accept?: string } = {}) =>
  send(tool, opts.method ?? 'GET', '/login?iss=https%3A%2F%2Flms.example&login_hint=x&target_link_uri=x', {
    headers: { 'x-forwarded-for': from, accept: opts.accept ?? 'application/json' },
  });

describe('/login', () => {
  it(`answers ${LOGINS} tries from one address, then 429 with Retry-After in JSON`, async () => {
    const from = nextAddress();
    for (let i = 0; i < LOGINS; i++) expect((await login(from)).status).toBeLessThan(429);
    const limited = await login(from);
    expectRefused(limited, 429);
    expect(limited.json().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Too many sign-ins/),
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('shows a browser a page that says to wait, without a stack', async () => {
    const from = nextAddress();
    for (let i = 0; i < LOGINS; i++) await login(from, { accept: 'text/html' });
    const limited = await login(from, { accept: 'text/html' });
    expectRefused(limited, 429);
    expect(limited.headers.get('content-type')).toMatch(/text\/html/);
    expect(limited.text).toMatch(/Please wait/);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts POSTed logins too, and leaves other addresses alone', async () => {
    const from = nextAddress();
    for (let i = 0; i < LOGINS; i++) await login(from, { method: 'POST' });
    expectRefused(await login(from, { method: 'POST' }), 429);
    expect((await login(nextAddress())).status).toBeLessThan(429);
  });

  it('holds across a restart: the count is in the database', async () => {
    const from = nextAddress();
    for (let i = 0; i < LOGINS; i++) await login(from);
    tool = await tool.restart();
    expectRefused(await login(from), 429);
  });
});

describe('/register', () => {
  it(`answers ${REGISTRATIONS} registrations from one address, then 429`, async () => {
    const from = nextAddress();
    const register = () =>
      send(tool, 'GET', '/register?openid_configuration=http%3A%2F%2F127.0.0.1%3A9%2Fnothing', {
        headers: { 'x-forwarded-for': from },
      });
    for (let i = 0; i < REGISTRATIONS; i++) expect((await register()).status).toBeLessThan(429);
    const limited = await register();
    expectRefused(limited, 429);
    expect(limited.json().error?.message).toMatch(/Too many registrations/);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3_600);
  });
});

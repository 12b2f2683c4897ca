/**
 * Helpers for the launch-side security tests: a genuine login whose id_token is swapped for a
 * crafted one (signed by the test LMS with the nonce the tool issued), row counts of the product's
 * tables, and the checks every refusal must pass.
 */
import { decodeJwt } from 'jose';
import { expect } from 'vitest';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { startLaunch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import type { TestTool } from '../../support/tool.ts';

export const PRODUCT_TABLES = ['programs', 'people', 'memberships', 'launch_sessions', 'partnerships'];

export async function productRowCounts(tool: TestTool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of PRODUCT_TABLES) {
    const row = await tool.app.sql.one<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${t}`);
    counts[t] = Number(row?.n ?? 0);
  }
  return counts;
}

/** What a refusal must never show: stack frames, file paths, driver or framework errors. */
const INTERNALS =
  /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|SQLITE_|Sequelize|TypeError|ReferenceError|is not a function|Cannot read propert/i;

export async function expectRefusal(res: Response, status: number, message?: RegExp): Promise<string> {
  const body = await res.text();
  expect(res.status, /<main>([^]*)<\/main>/.exec(body)?.[1] ?? body.slice(0, 400)).toBe(status);
  expect(res.status).toBeLessThan(500);
  expect(body).not.toMatch(INTERNALS);
  if (message) expect(body).toMatch(message);
  return body;
}

export interface Launcher {
  lms: TestLms;
  tool: TestTool;
  person: { courseId: string; personId: string };
}

/**
 * Starts a genuine login (state cookie, issued nonce), then posts `idToken(nonce)` in place of the
 * LMS's token. `state` replaces the login's state in the POST when given.
 */
export async function postInstead(
  l: Launcher,
  idToken: (nonce: string) => Promise<string>,
  opts: { accept?: string; state?: string } = {},
): Promise<Response> {
  const { action, state, jar, idToken: genuine } = await startLaunch(l.lms, { ...l.person, toolUrl: l.tool.url });
  const token = await idToken(String(decodeJwt(genuine).nonce));
  const cookie = jar.header(action);
  return fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: opts.accept ?? 'text/html',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams({ id_token: token, state: opts.state ?? state }),
  });
}

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const DL_SETTINGS = 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings';
export const nowSeconds = () => Math.floor(Date.now() / 1000);

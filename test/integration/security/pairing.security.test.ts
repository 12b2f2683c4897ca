/**
 * Pairing a browser, tried as an attacker would (issue 8): every code that does not work is refused
 * in the same words, hostile codes are 400s, and guessing is limited per address in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_REFUSED as CODE_REFUSED_TEXT } from '@mentoring/lti-tool/src/services/pairing.ts';
import { serverI18n } from '@mentoring/lti-tool/src/i18n/server.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { expireOpenPairingCodes } from '../../support/behind-the-api.ts';
import { buildWorld, type World } from '../../fuzz/world.ts';
import { expectRefused, rowCounts, send } from './api-refusals.ts';

/** The refusal of a code that does not work, as an English reader gets it. */
const CODE_REFUSED = serverI18n('en')._(CODE_REFUSED_TEXT);

const LIMIT = 5;
let tool: TestTool;
let world: World;
let address = 0;
/** A fresh client address (the tool trusts one proxy hop in these tests). */
const nextAddress = () => `203.0.113.${++address}`;

beforeAll(async () => {
  tool = await startTestTool({ env: { RATE_LIMIT_PAIRING: String(LIMIT), TRUST_PROXY_HOPS: '1' } });
  world = await buildWorld(tool);
}, 120_000);

afterAll(async () => {
  await world?.lms.close();
  await tool?.close();
});

const newCode = async () =>
  (await send(tool, 'POST', '/api/pairing/codes', { token: world.tokens.mentee }).then((a) => a.json())) as unknown as {
    code: string;
  };

const exchange = (body: unknown, from: string, language?: string) =>
  send(tool, 'POST', '/api/pairing/exchange', {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'x-forwarded-for': from, ...(language && { 'accept-language': language }) },
  });

async function connections(): Promise<number> {
  return (await rowCounts(tool)).browser_connections!;
}

describe('pairing codes', () => {
  it('an unknown, a used and an expired code get the very same refusal', async () => {
    const from = nextAddress();
    const unknown = await exchange({ code: 'ABCD-EFGH' }, from);
    const used = (await newCode()).code;
    expect((await exchange({ code: used }, from)).status).toBe(201);
    const usedAgain = await exchange({ code: used }, from);
    const expired = (await newCode()).code;
    await expireOpenPairingCodes(tool);
    const late = await exchange({ code: expired }, from);
    for (const a of [unknown, usedAgain, late]) {
      expectRefused(a, 400, 'code');
      expect(a.json().error?.message).toBe(CODE_REFUSED);
    }
    expect(usedAgain.text).toBe(unknown.text);
    expect(late.text).toBe(unknown.text);
  });

  it.each([
    ['a NUL in the code', { code: 'ABCD\0EFGH' }],
    ['an unpaired surrogate in the code', '{"code":"ABCD-\\ud800EFG"}'],
    ['a code as a number', { code: 12345678 }],
    ['a code as an object', { code: { $ne: null } }],
    ['a code of ten thousand characters', { code: 'A'.repeat(10_000) }],
    ['a NUL in the browser name', { code: 'ABCD-EFGH', browserName: 'Chrome\0' }],
  ])('%s is a 400 naming the field and connects nothing', async (_what, body) => {
    const before = await connections();
    const a = await exchange(body, nextAddress());
    expectRefused(a, 400);
    expect(['code', 'browserName']).toContain(a.json().error?.field);
    expect(await connections()).toBe(before);
  });

  it('SQL in the code is refused like any other wrong code', async () => {
    const before = await connections();
    const a = await exchange({ code: "' OR '1'='1" }, nextAddress());
    expectRefused(a, 400, 'code');
    expect(a.json().error?.message).toBe(CODE_REFUSED);
    expect(await connections()).toBe(before);
  });

  it('a revoked browser’s token is a 401, and the extension cannot make codes', async () => {
    expectRefused(
      await send(tool, 'POST', '/api/pairing/codes', {
        token: world.tokens.extension,
        headers: { origin: world.extensionOrigin },
      }),
      403,
    );
    const { code } = await newCode();
    const paired = (await exchange({ code }, nextAddress())).json() as unknown as {
      token: string;
      connection: { id: string };
    };
    expect(
      (await send(tool, 'DELETE', `/api/connections/${paired.connection.id}`, { token: world.tokens.mentee })).status,
    ).toBe(200);
    expectRefused(await send(tool, 'GET', '/api/me', { token: paired.token }), 401);
  });
});

describe('guessing pairing codes', () => {
  it(`is stopped after ${LIMIT} wrong codes from one address, with 429 and Retry-After`, async () => {
    const from = nextAddress();
    for (let i = 0; i < LIMIT; i++) expectRefused(await exchange({ code: `WXYZ-${2345 + i}` }, from), 400, 'code');
    const limited = await exchange({ code: 'WXYZ-9999' }, from);
    expectRefused(limited, 429);
    expect(limited.json().error?.code).toBe('rate_limited');
    expect(limited.json().error?.message).toMatch(/Too many connection codes .* wait \d+ (seconds?|minutes?)/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // A browser asking in Spanish (the extension's options page) reads both refusals in Spanish.
    expect((await exchange({ code: 'WXYZ-9999' }, from, 'es-MX,en;q=0.5')).json().error?.message).toMatch(
      /^Se probaron demasiados códigos de conexión desde esta red\. Espera \d+ (segundos?|minutos?) y vuelve a intentarlo\.$/,
    );
    expect((await exchange({ code: 'WXYZ-9999' }, nextAddress(), 'es')).json().error?.message).toMatch(
      /^Este código de conexión no funciona: .* durante 10 minutos\)\./,
    );

    // Even the right code is refused from there, connects nothing, and still works from elsewhere.
    const { code } = await newCode();
    const before = await connections();
    expectRefused(await exchange({ code }, from), 429);
    expect(await connections()).toBe(before);
    expect((await exchange({ code }, nextAddress())).status).toBe(201);
  });

  it('counts a burst of parallel guesses exactly: no more than the limit get an answer about the code', async () => {
    const from = nextAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => exchange({ code: `QRST-${String(2000 + i)}` }, from)),
    );
    for (const a of answers) expect([400, 429]).toContain(a.status);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(LIMIT);
  });

  it('does not count a code that works against the address', async () => {
    const from = nextAddress();
    for (let i = 0; i < LIMIT - 1; i++) expect((await exchange({ code: `MNPQ-${2345 + i}` }, from)).status).toBe(400);
    expect((await exchange({ code: (await newCode()).code }, from)).status).toBe(201);
    expect((await exchange({ code: 'MNPQ-9999' }, from)).status).toBe(400);
    expect((await exchange({ code: 'MNPQ-8888' }, from)).status).toBe(429);
  });

  it('holds across a restart: the count is in the database', async () => {
    const from = nextAddress();
    for (let i = 0; i < LIMIT; i++) await exchange({ code: `HJKL-${2345 + i}` }, from);
    expect((await exchange({ code: 'HJKL-9999' }, from)).status).toBe(429);
    tool = await tool.restart();
    const after = await exchange({ code: 'HJKL-9998' }, from);
    expectRefused(after, 429);
  });
});

/**
 * Getting and connecting the extension (issue 12, item 3): one connection code that carries the
 * tool's address, connections told apart by browser, system and a name the person sets, a "last
 * used" that moves (at most every few minutes), and the tool's own download of the packages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionCode, type ApiClient } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { LAST_USED_EVERY_MS } from '@mentoring/lti-tool/src/auth/sessions.ts';
import { BUILD_HINT } from '@mentoring/lti-tool/src/services/extension-packages.ts';
import { ManualClock } from '../support/clock.ts';
import { apiAs, launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'pairing-2026';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const clock = new ManualClock();
const packagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-packages-'));
const CHROME_STORE = 'https://chromewebstore.google.com/detail/mentoring-clips/abcdefghijklmnopabcdefghijklmnop';

let tool: TestTool;
let lms: TestLms;
let nia: ApiClient;
let otto: ApiClient;

beforeAll(async () => {
  lms = await startTestLms({ name: 'Pairing LMS' });
  tool = await startTestTool({
    clock,
    config: { extension: { chromeStoreUrl: CHROME_STORE, firefoxStoreUrl: null, packagesDir } },
  });
  lms.addCourse({
    id: COURSE,
    title: 'Pairing course',
    people: [lmsPerson('nia', 'Nia Ekwueme', [Role.Learner]), lmsPerson('otto', 'Otto Rask', [Role.Learner])],
  });
  await lms.registerTool(`${tool.url}/register`);
  nia = (await launchAs(lms, tool, { courseId: COURSE, personId: 'nia' })).api;
  otto = (await launchAs(lms, tool, { courseId: COURSE, personId: 'otto' })).api;
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
  fs.rmSync(packagesDir, { recursive: true, force: true });
});

/** What the extension's options page does with a pasted connection code. */
async function pasteConnectionCode(pasted: string, details: { browser?: string; system?: string } = {}) {
  const { code, toolUrl } = ConnectionCode.parse(pasted);
  return apiAs({ url: toolUrl }, '').exchangePairingCode({ body: { code, ...details } });
}

describe('the connection code', () => {
  it('carries the tool’s address, so one paste connects the browser', async () => {
    const made = await nia.createPairingCode({});
    expect(made.connectionCode).toBe(`${made.code}@${tool.url}`);
    // Copying may wrap the code over lines or add spaces; the case of the letters does not matter.
    const pasted = `  ${made.connectionCode.toLowerCase().replace('@', '@\n')} `;
    expect(ConnectionCode.parse(pasted)).toEqual({ code: made.code, toolUrl: tool.url.toLowerCase() });
    const paired = await pasteConnectionCode(made.connectionCode, { browser: 'Chrome 150', system: 'Linux' });
    expect(paired.me.person.name).toBe('Nia Ekwueme');
    expect(paired.connection).toMatchObject({ label: 'Chrome 150 on Linux', browser: 'Chrome 150', system: 'Linux' });
    expect((await apiAs(tool, paired.token, { origin: EXTENSION }).me({})).person.name).toBe('Nia Ekwueme');
  });

  it('refuses what is not a whole connection code, saying where to get one', () => {
    for (const pasted of ['ABCD-EFGH', 'https://tool.example.org', 'ABCD-EFGH@ftp://tool.example.org', 'AB@x', '']) {
      const parsed = ConnectionCode.safeParse(pasted);
      expect(parsed.success, pasted).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/Connect your browser/);
    }
  });

  it('works once, and a used one says what to do', async () => {
    const made = await nia.createPairingCode({});
    await pasteConnectionCode(made.connectionCode);
    await expect(pasteConnectionCode(made.connectionCode)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/get a new code/) as unknown,
    });
  });
});

describe('connected browsers', () => {
  it('are told apart by browser and system, and renamed by their owner only', async () => {
    const chrome = await pasteConnectionCode((await otto.createPairingCode({})).connectionCode, {
      browser: 'Chrome 150',
      system: 'Windows',
    });
    const firefox = await pasteConnectionCode((await otto.createPairingCode({})).connectionCode, {
      browser: 'Firefox 153',
      system: 'Windows',
    });
    const renamed = await otto.renameConnection({ params: { id: chrome.connection.id }, body: { label: 'Office PC' } });
    expect(renamed).toMatchObject({ label: 'Office PC', browser: 'Chrome 150', system: 'Windows' });
    const listed = (await otto.listConnections({})).connections;
    expect(listed.map((c) => c.label).sort()).toEqual(['Firefox 153 on Windows', 'Office PC']);
    await expect(
      nia.renameConnection({ params: { id: firefox.connection.id }, body: { label: 'Mine now' } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      otto.renameConnection({ params: { id: firefox.connection.id }, body: { label: '  ' } }),
    ).rejects.toMatchObject({ status: 400, field: 'label' });
    await otto.revokeConnection({ params: { id: firefox.connection.id } });
    await expect(
      otto.renameConnection({ params: { id: firefox.connection.id }, body: { label: 'Gone' } }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('show when each was last used, kept true to within a few minutes', async () => {
    const paired = await pasteConnectionCode((await nia.createPairingCode({})).connectionCode);
    const lastUsed = async () =>
      (await nia.listConnections({})).connections.find((c) => c.id === paired.connection.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const ext = apiAs(tool, paired.token, { origin: EXTENSION });
    await ext.me({});
    const first = clock.now();
    expect(await lastUsed()).toBe(new Date(first).toISOString());
    // Within the interval, calls do not write; after it, the next call does.
    await clock.advance(LAST_USED_EVERY_MS / 2);
    await ext.me({});
    expect(await lastUsed()).toBe(new Date(first).toISOString());
    await clock.advance(LAST_USED_EVERY_MS);
    await ext.listConnections({});
    expect(await lastUsed()).toBe(new Date(clock.now()).toISOString());
  });
});

describe('getting the extension', () => {
  it('offers the configured store listing, and the operator how to build the packages the tool does not have', async () => {
    const d = await nia.extensionDownloads({});
    expect(d).toEqual({
      chrome: { storeUrl: CHROME_STORE, downloadUrl: null },
      firefox: { storeUrl: null, downloadUrl: null },
    });
    const missing = await fetch(`${tool.url}/extension/mentoring-firefox.zip`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(BUILD_HINT);
  });

  it('serves the packages `wxt zip` built, the newest of each browser', async () => {
    fs.writeFileSync(path.join(packagesDir, 'mentoring-extension-0.1.0-firefox.zip'), 'PK firefox');
    fs.writeFileSync(path.join(packagesDir, 'mentoring-extension-0.1.0-sources.zip'), 'PK sources');
    const d = await nia.extensionDownloads({});
    expect(d.firefox.downloadUrl).toBe(`${tool.url}/extension/mentoring-firefox.zip`);
    expect(d.chrome.downloadUrl).toBeNull();
    const got = await fetch(d.firefox.downloadUrl!);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('mentoring-firefox.zip');
    expect(await got.text()).toBe('PK firefox');
  });
});

/**
 * Fewest permissions, in the release builds (`npm run build -w extension`) rather than the test
 * builds, which are granted this computer's sites at install. The manifests of both browsers
 * declare exactly what the extension README's permissions table lists, required and optional, and
 * carry no test hook. Then, in Firefox ESR with the release build: nothing is granted at install;
 * the reader clips on a site through Firefox's real context menu (`activeTab` gives that page, that
 * once); Save asks for the site in Firefox's own prompt, which the test answers as the reader would,
 * and the page shows its clip when opened again (declined on another site, the clip is kept and
 * nothing granted); the options page's "all sites" choice asks for every site (declined, then
 * allowed) and gives them up again. Chromium offers no switch that answers its permission prompt
 * (its auto-confirm exists only inside its own test binaries), so there only the manifest is checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Goal } from '@mentoring/shared';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import type { TestTool } from '../../support/tool.ts';
import { MENTEE_NAME, serveReadings, setUpClipProgram } from '../../support/clip-program.ts';
import {
  FIREFOX_RELEASE_BUILD_DIR,
  hasFirefox,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from '../../support/firefox-extension-browser.ts';
import { selectInPage, servePages, type PageServer } from '../../support/pages.ts';
import { field, fill, marks, press, waitForText } from '../../support/puppeteer-page.ts';

const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../extension');
const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
const DECLINED_PASSAGE = 'The mentee brings the agenda';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
}
const manifestOf = (build: string): Manifest =>
  JSON.parse(readFileSync(path.join(EXTENSION_DIR, '.output', build, 'manifest.json'), 'utf8')) as Manifest;

/** The README's permissions table: each row's first cell names a permission, or the optional sites. */
function documentedPermissions(browser: 'chrome' | 'firefox') {
  const readme = readFileSync(path.join(EXTENSION_DIR, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions'));
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]!);
  const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const required = rows
    .filter((cell) => names(cell)[0] !== 'optional_host_permissions')
    .filter((cell) => browser === 'chrome' || !cell.includes('(Chrome'))
    .map((cell) => names(cell)[0]!);
  const optionalSites = rows
    .filter((cell) => names(cell)[0] === 'optional_host_permissions')
    .flatMap((c) => names(c).slice(1));
  return { required, optionalSites };
}

describe('the release manifests', () => {
  it.each([
    ['chrome', 'chrome-mv3'],
    ['firefox', 'firefox-mv3'],
  ] as const)('declare in %s exactly the permissions the README lists and explains', (browser, build) => {
    const manifest = manifestOf(build);
    const { required, optionalSites } = documentedPermissions(browser);
    expect(required.length).toBeGreaterThan(0);
    expect([...manifest.permissions!].sort()).toEqual([...required].sort());
    expect([...manifest.optional_host_permissions!].sort()).toEqual([...optionalSites].sort());
    // No site at install, no optional API permission, no content script declared on every page.
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('in %s, carry none of the test builds’ hooks', (build) => {
    const background = readFileSync(path.join(EXTENSION_DIR, '.output', build, 'background.js'), 'utf8');
    expect(background).not.toMatch(/e2e:clip-selection|e2eDecidedTabs/);
    // (The hooks are there in the test build, so this is not vacuous.)
    expect(readFileSync(path.join(EXTENSION_DIR, '.output', `${build}-e2e`, 'background.js'), 'utf8')).toMatch(
      /e2e:clip-selection/,
    );
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('in %s, have no pseudo-locale', (build) => {
    /** The build's scripts that know the test builds' pseudo-locale switch. */
    const withPseudoLocale = (dir: string) =>
      readdirSync(path.join(EXTENSION_DIR, '.output', dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.js') && !file.startsWith('pdfjs'))
        .filter((file) =>
          readFileSync(path.join(EXTENSION_DIR, '.output', dir, file), 'utf8').includes('e2ePseudoLocale'),
        );
    expect(withPseudoLocale(build)).toEqual([]);
    expect(withPseudoLocale(`${build}-e2e`).length).toBeGreaterThan(0);
  });
});

let pages: PageServer;
let lms: TestLms | undefined;
let tool: TestTool | undefined;
let firefox: FirefoxExtensionBrowser;
let mentee: ApiClient;
let mentor: ApiClient;
let partnershipId: string;
let goal: Goal;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const readingSite = () => `${pages.url.replace(/:\d+$/, '')}/*`;
const origins = async () => (await firefox.permissions()).origins;

describe.skipIf(!hasFirefox)('the Firefox release build, asking for sites in Firefox’s prompt only when needed', () => {
  beforeAll(async () => {
    const results = await Promise.allSettled([
      servePages().then((p) => (pages = p)),
      setUpClipProgram('permissions-2026', { tool: (t) => (tool = t), lms: (l) => (lms = l) }).then(
        (program) => ({ mentee, mentor, partnershipId, goal } = program),
      ),
      launchFirefoxWithExtension({ extensionDir: FIREFOX_RELEASE_BUILD_DIR }).then((f) => (firefox = f)),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    serveReadings(pages, /Mentor and mentee compose[^\n]*/);
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([pages?.close(), tool?.close(), lms?.close()]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('holds no site at install, and connects without one', async () => {
    expect(await firefox.permissions()).toEqual({
      permissions: expect.arrayContaining(['activeTab', 'scripting', 'contextMenus', 'storage', 'alarms']),
      origins: [],
    });
    const options = await firefox.openExtensionPage('options.html');
    const { connectionCode } = await mentee.createPairingCode({});
    await fill(options, 'Connection code', connectionCode);
    await press(options, 'Connect');
    await waitForText(options, `Connected as ${MENTEE_NAME}.`);
    await options.close();
    expect(await origins()).toEqual([]);
  });

  it('clips through the context menu on a site it may not read, and asks for that site on Save', async () => {
    const reading = await firefox.newPage();
    await reading.goto(`${pages.url}/reading`);
    if (!(await reading.evaluate(selectInPage, PASSAGE))) throw new Error('The passage is not on the page');
    const picker = await firefox.clipWithContextMenu(reading);
    await waitForText(picker, PASSAGE);
    await poll(async () => (await field(picker, 'File under')).evaluate((s) => s.value)).toBe(goal.id);
    expect(await origins()).toEqual([]);
    await picker.keyboard.press('Enter');
    expect(await firefox.answerPermissionPrompt('Allow')).toContain('Access your data for sites in 127.0.0.1');
    await waitForText(picker, 'Clipped.');
    await poll(() => origins()).toEqual([readingSite()]);

    const [clip] = (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;
    // `activeTab` let the content script read the page: the clip can be found again by its selectors.
    expect(clip).toMatchObject({
      quote: PASSAGE,
      url: `${pages.url}/reading`,
      selectors: expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector', exact: PASSAGE })]),
    });
    await reading.close();
  });

  it('highlights the clip when a page of that site is opened again', async () => {
    const again = await firefox.newPage();
    await again.goto(`${pages.url}/reading-edited`);
    await poll(() => marks(again)).toEqual([PASSAGE]);
    await poll(async () => firefox.badgeText(await firefox.tabIdOf(again))).toBe('1');
    await again.close();
  });

  it('keeps the clip when the reader declines the site, granting nothing', async () => {
    const elsewhere = await firefox.newPage();
    await elsewhere.goto(`${pages.url.replace('127.0.0.1', 'localhost')}/reading`);
    if (!(await elsewhere.evaluate(selectInPage, DECLINED_PASSAGE))) throw new Error('The passage is not on the page');
    const picker = await firefox.clipWithContextMenu(elsewhere);
    await waitForText(picker, DECLINED_PASSAGE);
    await poll(async () => (await field(picker, 'File under')).evaluate((s) => s.value)).toBe(goal.id);
    await picker.keyboard.press('Enter');
    expect(await firefox.answerPermissionPrompt('Deny')).toContain('Access your data for sites in localhost');
    await waitForText(picker, 'Clipped.');
    const clips = (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;
    expect(clips.map((c) => c.quote)).toContain(DECLINED_PASSAGE);
    expect(await origins()).toEqual([readingSite()]);
    await elsewhere.close();
  });

  it('asks for every site from the options page, declined then allowed, and gives them up keeping the site granted', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const allSites = await options.waitForSelector('input[aria-describedby="all-sites-hint"]:not([disabled])');
    await allSites!.click();
    expect(await firefox.answerPermissionPrompt('Deny')).toContain('Access your data for all websites');
    await poll(() => allSites!.evaluate((e) => (e as HTMLInputElement).checked)).toBe(false);
    expect(await origins()).toEqual([readingSite()]);
    await allSites!.click();
    await firefox.answerPermissionPrompt('Allow');
    await poll(() => origins().then((o) => [...o].sort())).toEqual(['http://*/*', 'https://*/*', readingSite()].sort());
    expect(await allSites!.evaluate((e) => (e as HTMLInputElement).checked)).toBe(true);
    await allSites!.click();
    await poll(() => origins()).toEqual([readingSite()]);
    await options.close();
  });
});

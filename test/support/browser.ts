/**
 * Debian's Chromium through playwright-core, with the flags that work on these machines
 * (ENVIRONMENT.md). Browser tests skip themselves where Chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  // The tool's frame goes between the LMS's site and its own four times in one launch; under load,
  // Playwright lost track of it when each hop also moved it to another renderer process. One
  // process for all sites changes nothing a page can see (cookies, origins, postMessage).
  '--disable-site-isolation-trials',
];

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface BrowserOptions {
  /**
   * Third-party cookies blocked: `true` or `'flag'` by `--test-third-party-cookie-phaseout` (as the
   * phase-out does), `'setting'` by the person's setting (Settings → Privacy → Third-party cookies →
   * Block, the `profile.cookie_controls_mode` preference).
   */
  blockThirdPartyCookies?: boolean | 'flag' | 'setting';
  /**
   * Sites whose cookies the person blocks when embedded in another site (a content-setting exception
   * for the pair), partitioned cookies included: `[{ site: 'http://127.0.0.1:3000', embeddedIn: 'http://localhost:5410' }]`.
   */
  blockCookiesOf?: Array<{ site: string; embeddedIn: string }>;
}

/** A browser without extensions, on a fresh profile written with the person's cookie settings. */
export async function openBrowser(opts: BrowserOptions = {}): Promise<PlainBrowser> {
  const block = opts.blockThirdPartyCookies === true ? 'flag' : opts.blockThirdPartyCookies;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'mentoring-chromium-'));
  const exceptions = Object.fromEntries(
    (opts.blockCookiesOf ?? []).map(({ site, embeddedIn }) => [`${site},${embeddedIn}`, { setting: 2 }]),
  );
  const profile = {
    ...(block === 'setting' && { cookie_controls_mode: 1, block_third_party_cookies: true }),
    content_settings: { exceptions: { cookies: exceptions } },
  };
  await mkdir(path.join(userDataDir, 'Default'), { recursive: true });
  await writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ profile }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: [...CHROMIUM_ARGS, ...(block === 'flag' ? ['--test-third-party-cookie-phaseout'] : [])],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a frame's own cookies do there: whether an unpartitioned `SameSite=None` cookie it sets is kept
 * (refused where the browser blocks third-party cookies) and whether a partitioned one is.
 */
export async function cookiesKeptIn(frame: Frame): Promise<{ unpartitioned: boolean; partitioned: boolean }> {
  return frame.evaluate(() => {
    document.cookie = 'probe_unpartitioned=1; SameSite=None; Secure; Path=/';
    document.cookie = 'probe_partitioned=1; SameSite=None; Secure; Path=/; Partitioned';
    return {
      unpartitioned: document.cookie.includes('probe_unpartitioned=1'),
      partitioned: document.cookie.includes('probe_partitioned=1'),
    };
  });
}

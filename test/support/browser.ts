/**
 * Debian's Chromium through playwright-core, with the flags that work on these machines
 * (ENVIRONMENT.md). Browser tests skip themselves where Chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser without extensions; `blockThirdPartyCookies` as a privacy-minded person sets it. */
export async function openBrowser(opts: { blockThirdPartyCookies?: boolean } = {}): Promise<PlainBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: [...CHROMIUM_ARGS, ...(opts.blockThirdPartyCookies ? ['--test-third-party-cookie-phaseout'] : [])],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { browser, context, close: () => browser.close() };
}

/**
 * Firefox ESR (Debian's `firefox-esr`) with the extension's Firefox test build installed, for
 * end-to-end tests. puppeteer-core talks WebDriver BiDi to Firefox directly (no geckodriver).
 * Builds nothing: run `npm run build:e2e -w extension` first (it makes the Chrome and the Firefox
 * test builds).
 *
 * Firefox's event page has no handle a test can hold: the extension is driven from one of its own
 * pages, kept open in a tab, where `chrome.*` is the extension's API (see ENVIRONMENT.md).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);

/** The Firefox test build (`npm run build:e2e -w extension`). */
export const FIREFOX_E2E_BUILD_DIR = path.resolve(import.meta.dirname, '../../extension/.output/firefox-mv3-e2e');

/** puppeteer's BiDi browser keeps its connection, for commands it has no method for. */
type BidiBrowser = { connection: { send(method: string, params: object): Promise<unknown> } };

const GECKO_ID = 'clipper@mentoring-workspaces';
/** Fixed in advance (pref `extensions.webextensions.uuids`) so extension pages have a known address. */
const EXTENSION_UUID = '6f0c2d7e-3b7a-4a8e-9a51-2f1c0e9d4b10';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://…` */
  origin: string;
  newPage(): Promise<Page>;
  /** Opens an extension page (`popup.html`, `options.html`, `sidepanel.html`…) in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** The page's address (`page.url()` stays `about:blank` for extension pages under BiDi). */
  urlOf(page: Page): Promise<string>;
  tabIdOf(page: Page): Promise<number>;
  /** What the context menu item does on the page's selection (test builds only); returns the picker. */
  clipSelection(page: Page): Promise<Page>;
  contentScriptRuns(page: Page): Promise<boolean>;
  /** Waits until the background has decided, for the page's loaded tab, whether clips are to be shown. */
  pageDecided(page: Page): Promise<void>;
  badgeText(tabId?: number): Promise<string>;
  storage(area?: 'local' | 'session'): {
    get(): Promise<Record<string, unknown>>;
  };
  close(): Promise<void>;
}

/** Polls `read` until it returns something other than undefined (10 s at most). */
async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (const start = Date.now(); ;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - start > 10_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchFirefoxWithExtension(
  extensionDir = FIREFOX_E2E_BUILD_DIR,
): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e -w extension\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  try {
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    const urlOf = (page: Page) => page.evaluate(() => location.href);

    async function openExtensionPage(file: string): Promise<Page> {
      const page = await browser.newPage();
      // page.goto never resolves for an extension page in Firefox: navigate with BiDi itself.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await (browser as unknown as BidiBrowser).connection.send('browsingContext.navigate', {
        context,
        url: `${origin}/${file}`,
        wait: 'complete',
      });
      return page;
    }
    let control: Page | null = null;
    /** An extension page kept open, where the extension's API is called as its own pages do. */
    const controlPage = async () =>
      control && !control.isClosed() ? control : (control = await openExtensionPage('options.html'));

    async function tabIdOf(page: Page): Promise<number> {
      const url = await urlOf(page);
      const sender = await controlPage();
      const tabsShowing = () =>
        sender.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u), url);
      let tabs = await tabsShowing();
      if (tabs.length > 1) {
        await page.bringToFront();
        tabs = (await tabsShowing()).filter((t) => t.active);
      }
      if (tabs.length !== 1 || tabs[0]!.id === undefined) throw new Error(`Cannot tell which tab shows ${url}`);
      return tabs[0]!.id;
    }

    /** The first page opened after `before` whose address starts with `prefix`. */
    const openedPage = (before: Set<Page>, prefix: string) =>
      until(`a page at ${prefix}`, async () => {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          if ((await urlOf(page).catch(() => '')).startsWith(prefix)) return page;
        }
        return undefined;
      });

    return {
      browser,
      origin,
      newPage: () => browser.newPage(),
      openExtensionPage,
      urlOf,
      tabIdOf,
      async clipSelection(page) {
        const tabId = await tabIdOf(page);
        const sender = await controlPage();
        const before = new Set(await browser.pages());
        await sender.evaluate((message) => chrome.runtime.sendMessage(message), { type: 'e2e:clip-selection', tabId });
        const picker = await openedPage(before, `${origin}/picker.html`);
        await picker.waitForSelector('body *');
        return picker;
      },
      async pageDecided(page) {
        const tabId = await tabIdOf(page);
        const sender = await controlPage();
        await until(`the background to look at tab ${tabId}'s page`, async () =>
          (await sender.evaluate(async (id) => {
            const background = (await chrome.runtime.getBackgroundPage()) as { e2eDecidedTabs?: number[] } | null;
            return background?.e2eDecidedTabs?.includes(id) ?? false;
          }, tabId))
            ? true
            : undefined,
        );
      },
      async contentScriptRuns(page) {
        const tabId = await tabIdOf(page);
        const sender = await controlPage();
        return sender.evaluate(async (id) => {
          const [frame] = await chrome.scripting.executeScript({
            target: { tabId: id },
            func: () => '__mentoringClipper' in globalThis,
          });
          return frame?.result === true;
        }, tabId);
      },
      badgeText: async (tabId) =>
        (await controlPage()).evaluate(
          (id) => chrome.action.getBadgeText(id === null ? {} : { tabId: id }),
          tabId ?? null,
        ),
      storage: (area = 'local') => ({
        get: async () => (await controlPage()).evaluate((a) => chrome.storage[a].get(null), area),
      }),
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

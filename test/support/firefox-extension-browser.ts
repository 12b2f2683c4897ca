/**
 * Firefox ESR (Debian's `firefox-esr`) with the extension's Firefox test build installed, for
 * end-to-end tests. puppeteer-core talks WebDriver BiDi to Firefox directly (no geckodriver).
 * Builds nothing: run `npm run build:e2e -w extension` first (it makes the Chrome and the Firefox
 * test builds).
 *
 * Firefox's event page has no handle a test can hold: the extension is driven from one of its own
 * pages, kept open in a tab, where `chrome.*` is the extension's API (see ENVIRONMENT.md).
 * `--remote-allow-system-access` also opens the browser's own window (its "chrome" scope) to
 * scripts: there a test right-clicks into the real context menu and chooses the extension's item,
 * or presses the real keyboard shortcut, as a reader does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);

/** The Firefox test build (`npm run build:e2e -w extension`). */
export const FIREFOX_E2E_BUILD_DIR = path.resolve(import.meta.dirname, '../../extension/.output/firefox-mv3-e2e');

/** The Firefox release build (`npm run build -w extension`): no host access at install, no test hooks. */
export const FIREFOX_RELEASE_BUILD_DIR = path.resolve(import.meta.dirname, '../../extension/.output/firefox-mv3');

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
  /**
   * Right-clicks the page's selection, opening Firefox's real context menu, and chooses "Clip to
   * mentoring workspace" there; returns the picker.
   */
  clipWithContextMenu(page: Page): Promise<Page>;
  /** Brings the page to the front and presses Alt+Shift+C, as typed on the keyboard; returns the picker. */
  clipWithShortcut(page: Page): Promise<Page>;
  /**
   * Waits for Firefox's own prompt asking to grant the extension more permissions (in any window),
   * presses its "Allow" or "Deny" button, and returns what the prompt said.
   */
  answerPermissionPrompt(answer: 'Allow' | 'Deny'): Promise<string>;
  /** Opens the extension's side panel in Firefox's real sidebar, beside the tab in front. */
  openSidebar(): Promise<void>;
  /** What the sidebar shows, as text (read from the extension's own view of it); null when it is closed. */
  sidebarText(): Promise<string | null>;
  contentScriptRuns(page: Page): Promise<boolean>;
  /** Waits until the background has decided, for the page's loaded tab, whether clips are to be shown. */
  pageDecided(page: Page): Promise<void>;
  badgeText(tabId?: number): Promise<string>;
  /** What the extension holds now (`permissions.getAll()`): its API permissions and the sites granted. */
  permissions(): Promise<{ permissions: string[]; origins: string[] }>;
  storage(area?: 'local' | 'session'): {
    get(): Promise<Record<string, unknown>>;
  };
  close(): Promise<void>;
}

/** Polls `read` until it returns something other than undefined (10 s at most). */
async function until<T>(what: string, read: () => Promise<T | undefined>, timeout = 10_000): Promise<T> {
  for (const start = Date.now(); ;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface FirefoxLaunchOptions {
  /** The build to install (the test build unless said). */
  extensionDir?: string;
}

/** What the context menu says (`lib/clip-flow.ts`). */
const MENU_LABEL = 'Clip to mentoring workspace';

export async function launchFirefoxWithExtension({
  extensionDir = FIREFOX_E2E_BUILD_DIR,
}: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e -w extension\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // A command Firefox never answers fails, naming itself, inside the test's time.
    protocolTimeout: 30_000,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  try {
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    const urlOf = (page: Page) => page.evaluate(() => location.href);
    const bidi = (browser as unknown as BidiBrowser).connection;

    /** The browser's windows (their UI, not their pages), the first opened first. */
    async function browserWindows(): Promise<string[]> {
      const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
        result: { contexts: Array<{ context: string; url: string }> };
      };
      return tree.result.contexts
        .filter((c) => c.url === 'chrome://browser/content/browser.xhtml')
        .map((c) => c.context);
    }

    /**
     * Runs `expression` in a browser window itself (its UI, not a page), with the browser's
     * privileges: the first window unless said.
     */
    async function inBrowserWindow(expression: string, window?: string): Promise<unknown> {
      const context = window ?? (await browserWindows())[0];
      if (!context) throw new Error('No browser window is open');
      const answer = (await bidi.send('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
      if (answer.result.type === 'exception') throw new Error(answer.result.exceptionDetails?.text);
      return answer.result.result?.value;
    }

    const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
    // The tab Firefox starts with, in its first window: new tabs open beside it.
    const [home] = await browser.pages();
    if (!home) throw new Error('Firefox started without a tab');
    const homeContext = contextOf(home);

    /**
     * A new tab in the first window. Left to choose, Firefox opens it in its most recent window,
     * which may be a picker's popup, closing itself: the tab is then refused ("no such frame") or
     * never comes. A person's new tabs open in a normal window.
     */
    async function newPage(): Promise<Page> {
      const created = (await bidi.send('browsingContext.create', {
        type: 'tab',
        referenceContext: homeContext,
      })) as { result: { context: string } };
      return until('the new tab', async () =>
        (await browser.pages()).find((page) => contextOf(page) === created.result.context),
      );
    }

    async function openExtensionPage(file: string): Promise<Page> {
      const page = await newPage();
      // page.goto never resolves for an extension page in Firefox: navigate with BiDi itself.
      const context = contextOf(page);
      await bidi.send('browsingContext.navigate', {
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

    async function pickerOpened(before: Set<Page>): Promise<Page> {
      const picker = await openedPage(before, `${origin}/picker.html`);
      await picker.waitForSelector('body *');
      return picker;
    }

    return {
      browser,
      origin,
      newPage,
      openExtensionPage,
      urlOf,
      tabIdOf,
      async clipSelection(page) {
        const tabId = await tabIdOf(page);
        const sender = await controlPage();
        const before = new Set(await browser.pages());
        await sender.evaluate((message) => chrome.runtime.sendMessage(message), { type: 'e2e:clip-selection', tabId });
        return pickerOpened(before);
      },
      async clipWithContextMenu(page) {
        const selected = await page.evaluate(() => {
          const selection = document.getSelection();
          if (!selection?.rangeCount || selection.isCollapsed) return null;
          const box = selection.getRangeAt(0).getClientRects()[0]!;
          return { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 };
        });
        if (!selected) throw new Error('Nothing is selected on the page');
        const before = new Set(await browser.pages());
        const menu = `document.getElementById('contentAreaContextMenu')`;
        // The menu opens in the window that holds the page: look in each.
        const windowWithMenu = async () => {
          for (const window of await browserWindows())
            if (await inBrowserWindow(`${menu}.state === 'open'`, window)) return window;
          return undefined;
        };
        // A right-click that lands while the window is still coming to the front opens no menu: a
        // person clicks again, and so does this.
        let window: string | undefined;
        for (let attempt = 1; !window; attempt++) {
          await page.bringToFront();
          await page.mouse.click(selected.x, selected.y, { button: 'right' });
          window = await until('the context menu', windowWithMenu, 4_000).catch((error: unknown) => {
            if (attempt === 3) throw error;
            return undefined;
          });
        }
        const chosen = await inBrowserWindow(
          `(() => {
          const menu = ${menu};
          const item = [...menu.querySelectorAll('menuitem')].find((i) => i.label === ${JSON.stringify(MENU_LABEL)} && !i.hidden);
          if (!item) return false;
          menu.activateItem(item);
          return true;
        })()`,
          window,
        );
        if (!chosen) throw new Error(`The context menu has no "${MENU_LABEL}"`);
        return pickerOpened(before);
      },
      async clipWithShortcut(page) {
        await page.bringToFront();
        const before = new Set(await browser.pages());
        // Key events made in the browser window (as a keyboard would), so its shortcuts see them first.
        await inBrowserWindow(`(() => {
          gBrowser.selectedBrowser.focus();
          const keys = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
          keys.beginInputTransactionForTests(window);
          const key = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
          const alt = key('Alt', 'AltLeft', 18), shift = key('Shift', 'ShiftLeft', 16), c = key('C', 'KeyC', 67);
          keys.keydown(alt); keys.keydown(shift); keys.keydown(c);
          keys.keyup(c); keys.keyup(shift); keys.keyup(alt);
        })()`);
        return pickerOpened(before);
      },
      async answerPermissionPrompt(answer) {
        // Firefox's doorhanger for `permissions.request`, in whichever window asked.
        const press = `(() => {
          const prompt = document.getElementById('addon-webext-permissions-notification');
          if (!prompt || prompt.hidden || PopupNotifications.panel.state !== 'open') return null;
          const text = prompt.textContent;
          const button = prompt.querySelector(${JSON.stringify(
            answer === 'Allow' ? '.popup-notification-primary-button' : '.popup-notification-secondary-button',
          )});
          if (button.label !== ${JSON.stringify(answer)}) throw new Error('The prompt has no ' + ${JSON.stringify(answer)});
          button.click();
          return text;
        })()`;
        return until('a permission prompt', async () => {
          for (const window of await browserWindows()) {
            const said = await inBrowserWindow(press, window);
            if (typeof said === 'string') return said;
          }
          return undefined;
        });
      },
      async openSidebar() {
        await inBrowserWindow(`(async () => {
          const sidebars = window.SidebarController ?? window.SidebarUI;
          const id = [...sidebars.sidebars.keys()].find((key) => key.startsWith(${JSON.stringify(GECKO_ID.replace(/[@.]/g, '_'))}));
          await sidebars.show(id);
        })()`);
      },
      sidebarText: async () =>
        (await controlPage()).evaluate(() => {
          const [view] = (chrome.extension as unknown as { getViews(o: object): Window[] }).getViews({
            type: 'sidebar',
          });
          return view ? view.document.body.innerText : null;
        }),
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
      permissions: async () =>
        (await controlPage()).evaluate(async () => {
          const { permissions = [], origins = [] } = await chrome.permissions.getAll();
          return { permissions, origins };
        }),
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

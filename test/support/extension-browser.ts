/**
 * Real Chromium with the built extension loaded, for end-to-end tests. Builds nothing: run
 * `npm run build:e2e -w extension` first (the test build, which lets tests trigger the context
 * menu's handler), or pass `extensionDir`.
 *
 * Uses Debian's chromium (installed with apt-get when missing) through playwright-core, with the
 * flags that work on these machines (see ENVIRONMENT.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

export { CHROMIUM };

/** The test build (`npm run build:e2e -w extension`). */
export const E2E_BUILD_DIR = path.resolve(import.meta.dirname, '../../extension/.output/chrome-mv3-e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker: `background.evaluate(() => chrome.storage.local.get())`. */
  background: Worker;
  /** Opens an extension page (`popup.html`, `options.html`, `sidepanel.html`…) in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** The browser's tab id of a page, for messages that name a tab. */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Does what the context menu item "Clip to mentoring workspace" does on the page's selection
   * (test builds only) and returns the picker window it opens. `selectionText` stands for what
   * the browser reports as selected where no content script runs (a PDF viewer).
   */
  clipSelection(page: Page, selectionText?: string): Promise<Page>;
  /**
   * Whether the extension's content script runs in the page's top frame (its flag in the
   * extension's isolated world, read there by a one-line script).
   */
  contentScriptRuns(page: Page): Promise<boolean>;
  /** Waits until the background has decided, for the page's loaded tab, whether clips are to be shown (test builds). */
  pageDecided(page: Page): Promise<void>;
  /** The toolbar badge text, for a tab or globally. */
  badgeText(tabId?: number): Promise<string>;
  /** Reads or writes the extension's storage. */
  storage(area?: 'local' | 'session'): {
    get(): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** The reader's preferred language in the browser's settings (Languages), e.g. `fr-FR`. */
  language?: string;
}

export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) {
    try {
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
    } catch (err) {
      throw new Error(
        `Chromium is missing and could not be installed (apt-get install -y chromium): ${(err as Error).message}`,
      );
    }
  }
  return CHROMIUM;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = path.resolve(options.extensionDir ?? E2E_BUILD_DIR);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e -w extension\` first.`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'mentoring-e2e-'));
  if (options.language) {
    // As the reader sets it in Settings → Languages (Debian's Chromium ships its interface in English only).
    await mkdir(path.join(userDataDir, 'Default'));
    const preferences = { intl: { accept_languages: options.language } };
    await writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: false, // --headless=new below: the headless mode that runs extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  try {
    const background =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(background.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    let control: Page | null = null;
    /** An extension page kept open to send messages as the extension's own pages do. */
    const controlPage = async () =>
      control && !control.isClosed() ? control : (control = await openExtensionPage('options.html'));

    async function openExtensionPage(file: string): Promise<Page> {
      const page = await context.newPage();
      await page.goto(`${origin}/${file}`);
      return page;
    }

    async function tabIdOf(page: Page): Promise<number> {
      const url = page.url();
      const tabsShowing = () =>
        background.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u), url);
      let tabs = await tabsShowing();
      if (tabs.length > 1) {
        // Several tabs show this address: the page's is the one in front once brought there.
        await page.bringToFront();
        tabs = (await tabsShowing()).filter((t) => t.active);
      }
      if (tabs.length !== 1 || tabs[0]!.id === undefined) throw new Error(`Cannot tell which tab shows ${url}`);
      return tabs[0]!.id;
    }

    return {
      context,
      extensionId,
      background,
      openExtensionPage,
      tabIdOf,
      async clipSelection(page, selectionText) {
        const tabId = await tabIdOf(page);
        const sender = await controlPage();
        const picker = context.waitForEvent('page', {
          predicate: (p) => p.url().startsWith(`${origin}/picker.html`),
          timeout: 10_000,
        });
        await sender.evaluate((message) => chrome.runtime.sendMessage(message), {
          type: 'e2e:clip-selection',
          tabId,
          selectionText,
        });
        const opened = await picker;
        await opened.waitForLoadState('domcontentloaded');
        return opened;
      },
      async pageDecided(page) {
        const tabId = await tabIdOf(page);
        const decided = () =>
          background.evaluate(
            (id) => ((globalThis as { e2eDecidedTabs?: number[] }).e2eDecidedTabs ?? []).includes(id),
            tabId,
          );
        for (const start = Date.now(); !(await decided());) {
          if (Date.now() - start > 10_000) throw new Error(`The background never looked at tab ${tabId}'s page`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      async contentScriptRuns(page) {
        const tabId = await tabIdOf(page);
        return background.evaluate(async (id) => {
          const [frame] = await chrome.scripting.executeScript({
            target: { tabId: id },
            func: () => '__mentoringClipper' in globalThis,
          });
          return frame?.result === true;
        }, tabId);
      },
      badgeText: (tabId) =>
        background.evaluate((id) => chrome.action.getBadgeText(id === undefined ? {} : { tabId: id }), tabId),
      storage: (area = 'local') => ({
        get: () => background.evaluate((a) => chrome.storage[a].get(null), area),
        set: (items) => background.evaluate(([a, i]) => chrome.storage[a].set(i), [area, items] as const),
      }),
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Connects the extension as a person does: a connection code pasted into the options page. */
export async function connectWithCode(browser: ExtensionBrowser, code: string, name: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByLabel('Connection code').fill(code);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(`Connected as ${name}.`).waitFor();
  await options.close();
}

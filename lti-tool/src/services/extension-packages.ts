/**
 * Getting the extension: the store listings the operator configured, and always the tool's own
 * download of the packages `wxt zip` built (`npm run build -w extension`), served when they exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtensionDownloads } from '@mentoring/shared';
import type { ToolConfig } from '../config.ts';

export type ExtensionBrowser = 'chrome' | 'firefox';

/** Where the tool serves its own packages. */
export const packagePath = (browser: ExtensionBrowser) => `/extension/mentoring-${browser}.zip`;

/** What a download of a package the tool lacks answers: for whoever runs the tool, in English. */
export const BUILD_HINT =
  'The tool has no extension packages yet. Whoever runs the tool builds them with “npm run build -w extension” (they appear in extension/.output/).';

/** The newest package `wxt zip` wrote for a browser (`<name>-<version>-chrome.zip`), if any. */
export function findPackage(config: ToolConfig, browser: ExtensionBrowser): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(config.extension.packagesDir);
  } catch {
    return null;
  }
  const found = names
    .filter((n) => n.endsWith(`-${browser}.zip`))
    .map((n) => path.join(config.extension.packagesDir, n))
    .map((file) => ({ file, mtime: fs.statSync(file).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  return found[0]?.file ?? null;
}

export function extensionDownloads(config: ToolConfig): ExtensionDownloads {
  const one = (browser: ExtensionBrowser, storeUrl: string | null) => ({
    storeUrl,
    downloadUrl: findPackage(config, browser) ? `${config.publicUrl}${packagePath(browser)}` : null,
  });
  return {
    chrome: one('chrome', config.extension.chromeStoreUrl),
    firefox: one('firefox', config.extension.firefoxStoreUrl),
  };
}

/**
 * Host access, asked for when it is needed rather than at install. Clipping needs none (`activeTab`
 * covers the page the reader clips on); showing clips again when a page is opened later needs the
 * page's site: asked once, when the reader first clips there, or for every site from the options page.
 */
import { browser } from 'wxt/browser';

/** Every site: the manifest's `optional_host_permissions`. */
export const ALL_SITES = ['https://*/*', 'http://*/*'];

/** The host permission that lets clips be shown again on `url`'s site; null for other schemes (files, browser pages). */
export function sitePattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * Asks for `url`'s site, without a prompt when it is granted already. Call it from the reader's
 * gesture (a click or key in an extension page), before any `await`: browsers refuse it otherwise.
 * Resolves to whether the site may be read; never rejects.
 */
export async function askForSite(url: string): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern) return false;
  try {
    // Called synchronously, within the gesture: an async function runs up to its first await.
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}

export const hasAllSites = () => browser.permissions.contains({ origins: ALL_SITES });

/** From a click, as `askForSite`. */
export async function askForAllSites(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: ALL_SITES });
  } catch {
    return false;
  }
}

/** Gives up access to every site; sites granted one by one stay granted. */
export const dropAllSites = () => browser.permissions.remove({ origins: ALL_SITES });

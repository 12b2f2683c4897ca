/**
 * Running the content script in a tab. It is declared nowhere in the manifest: Chromium delays a
 * page's load event for any declared content script (about 100 ms on a 300 KB article, even for
 * an empty one), so the background runs it only where it is needed, once the page has loaded:
 * when the reader clips (`capture.ts`, with `activeTab` where no site access was granted) and
 * on pages known to hold clips (`page-clips.ts`). WXT builds it to `CONTENT_SCRIPT`
 * (`registration: 'runtime'` in `entrypoints/content.ts`).
 */
import { browser } from 'wxt/browser';
import { documentIdentities, doiAmong, type DocumentMeta } from '@mentoring/shared';
import { pageAddress } from './page-address.ts';

export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const CONTENT_STYLE = '/content-scripts/content.css';

/**
 * What the content script's `main` answers: it started now, it was running already in this
 * document (and reported the page again), or the document has no body to work on.
 */
export type ScriptStart = 'started' | 'running' | 'no-page';

/** Injections under way, so that two events for one tab do not inject twice at once. */
const injecting = new Map<number, Promise<ScriptStart>>();

/**
 * Runs the content script in the top frame of `tabId` unless it runs there already, with its
 * stylesheet. Rejects where no script may run (a browser page, a PDF viewer, a page outside the
 * host permissions without `activeTab`) or when the tab is gone.
 */
export function runContentScript(tabId: number): Promise<ScriptStart> {
  let run = injecting.get(tabId);
  if (!run) {
    run = inject(tabId).finally(() => injecting.delete(tabId));
    injecting.set(tabId, run);
  }
  return run;
}

async function inject(tabId: number): Promise<ScriptStart> {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  // The script's value is its `main`'s answer (browsers wait for the promise WXT wraps it in).
  const start = (frame?.result as ScriptStart | undefined) ?? 'started';
  if (start === 'started') await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_STYLE] });
  return start;
}

/**
 * The identities of the page in `tabId` (`documentIdentities` of its address, canonical link,
 * og:url and DOI, read as the content script reads them: `content/selection.ts`), read by a small
 * script before deciding to run the content script there; null where no script may run.
 */
export async function readPageIdentities(tabId: number, location: string): Promise<string[] | null> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => {
        const metas = (selector: string) =>
          [...document.querySelectorAll<HTMLMetaElement>(selector)].map((m) => m.content);
        const address = (value: string | undefined) => {
          try {
            return value ? new URL(value, document.baseURI).href : null;
          } catch {
            return null;
          }
        };
        return {
          canonical: document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null,
          ogUrl: address(metas('meta[property="og:url" i]')[0]),
          dois: [...metas('meta[name="citation_doi" i]'), ...metas('meta[name="dc.identifier" i]')],
        };
      },
    });
    const found = (frame?.result ?? null) as { canonical: string | null; ogUrl: string | null; dois: string[] } | null;
    if (!found) return documentIdentities({ url: location });
    const meta: DocumentMeta = { url: pageAddress(location, found.canonical), ...found, doi: doiAmong(found.dois) };
    return documentIdentities(meta);
  } catch {
    return null;
  }
}

/**
 * Which pages hold clips of the reader's partnerships, by their identities (normalised addresses,
 * DOIs: `documentIdentities`). The background asks the tool for a page's clips
 * (`GET /api/clips?url=`) only when the page is listed here, so the tool never learns the other
 * addresses the reader visits. The list is rebuilt from the partnerships' clips when it is
 * older than ten minutes, and kept under `cache:` so "Disconnect" forgets it.
 */
import { canReadContent, clipPageUrl } from '@mentoring/shared';
import { clippedPagesItem, type ClippedPages } from './stored.ts';
import { callTool } from './tool.ts';

const FRESH_FOR_MS = 10 * 60_000;
/** The newest clips of each partnership that are looked at; older pages are found after the next clip there. */
const CLIPS_PER_PARTNERSHIP = 500;

const read = () => clippedPagesItem.getValue();

let rebuilding: Promise<ClippedPages> | null = null;

/** Asks the tool for every partnership's clips and keeps their page addresses. */
function rebuild(): Promise<ClippedPages> {
  rebuilding ??= callTool(async (api, connection) => {
    const { partnerships } = await api.listPartnerships({});
    const readable = partnerships.filter((p) => canReadContent(p, connection.me.person.id));
    const lists = await Promise.allSettled(
      readable.map((p) => api.listClips({ params: { id: p.id }, query: { limit: CLIPS_PER_PARTNERSHIP } })),
    );
    const urls = lists.flatMap((l) =>
      l.status === 'fulfilled' ? l.value.clips.flatMap((c) => [clipPageUrl(c.url), ...c.pageIds]) : [],
    );
    const index = { urls: [...new Set(urls)], at: Date.now() };
    await clippedPagesItem.setValue(index);
    return index;
  }).finally(() => {
    rebuilding = null;
  });
  return rebuilding;
}

/** The list, rebuilt first when missing or stale (as it was when the tool cannot be reached). */
async function current(): Promise<ClippedPages | null> {
  const index = await read();
  if (!index || Date.now() - index.at > FRESH_FOR_MS) return rebuild().catch(() => index);
  return index;
}

/**
 * Whether the page at `url`, or known by any of `ids`, holds clips, as far as this browser knows
 * (false when it cannot tell).
 */
export async function pageHasClips(url: string, ids: readonly string[] = []): Promise<boolean> {
  const index = await current();
  return !!index && [clipPageUrl(url), ...ids].some((id) => index.urls.includes(id));
}

/** Whether some clipped page is known by its DOI or PDF fingerprint, which any site may carry. */
export async function anyClipByDocument(): Promise<boolean> {
  return !!(await current())?.urls.some((id) => !/^[a-z]+:\/\//i.test(id));
}

/**
 * Whether any page of the site of `url` (its origin) holds clips: only there may a page name a
 * clipped page as its canonical address (see `page-address.ts`).
 */
export async function siteHasClips(url: string): Promise<boolean> {
  const origin = originOf(url);
  return origin !== null && !!(await current())?.urls.some((u) => originOf(u) === origin);
}

/** A web page's origin; null for addresses without one (files, whose origin is opaque). */
function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Records pages (by their identities) that just gained clips from this browser. */
export async function addClippedPages(urls: string[]): Promise<void> {
  const index = await read();
  if (!index) return; // the next check rebuilds the list, with these pages in it
  await clippedPagesItem.setValue({ ...index, urls: [...new Set([...index.urls, ...urls.map(clipPageUrl)])] });
}

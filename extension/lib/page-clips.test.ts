import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePageState, scrollWhenReady } from './page-state.ts';
import { refreshPages, showActivatedTab, showPageClips } from './page-clips.ts';
import { CONTENT_SCRIPT, CONTENT_STYLE, type ScriptStart } from './page-script.ts';

const CLIPPED = 'https://example.org/reading';

/** What the page answers: the content script's start, and its canonical link and DOI for the one-line script. */
let page: { start: ScriptStart; canonical: string | null; doi: string | null };
let executeScript: ReturnType<typeof vi.fn>;
let insertCSS: ReturnType<typeof vi.fn>;
const injected = () =>
  executeScript.mock.calls.filter(([options]) => options.files).map(([options]) => options.target.tabId as number);
const canonicalReads = () => executeScript.mock.calls.filter(([options]) => options.func).length;

beforeEach(async () => {
  fakeBrowser.reset();
  page = { start: 'started', canonical: null, doi: null };
  executeScript = vi.fn(async (options: { files?: string[] }) => [
    {
      frameId: 0,
      result: options.files ? page.start : { canonical: page.canonical, ogUrl: null, dois: page.doi ? [page.doi] : [] },
    },
  ]);
  insertCSS = vi.fn(async () => undefined);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript as never);
  vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation(insertCSS as never);
  // Nothing here may ask the tool: the list of clipped pages is fresh.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new Error('the tool was asked'))),
  );
  await fakeBrowser.storage.local.set({
    'cache:clipped-pages': { urls: [CLIPPED, 'https://elsewhere.org/clipped'], at: Date.now() },
  });
  return () => vi.unstubAllGlobals();
});

describe('running the content script where a page holds clips', () => {
  it('runs it with its stylesheet once a page known to hold clips has loaded', async () => {
    await showPageClips(3, `${CLIPPED}#part-2`);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: [CONTENT_SCRIPT] });
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 3 }, files: [CONTENT_STYLE] });
  });

  it('leaves pages of sites without clips alone, without running anything there', async () => {
    await showPageClips(3, 'https://news.example.com/today');
    await showPageClips(3, 'chrome://settings');
    expect(executeScript).not.toHaveBeenCalled();
    expect(insertCSS).not.toHaveBeenCalled();
  });

  it('on a site with clips, reads the page’s canonical link and runs the script where it names a clipped page', async () => {
    page.canonical = CLIPPED;
    await showPageClips(3, `${CLIPPED}?view=print`);
    expect(injected()).toEqual([3]);

    page.canonical = 'https://example.org/another-reading';
    await showPageClips(4, 'https://example.org/another-reading?view=print');
    expect(canonicalReads()).toBe(2);
    expect(injected()).toEqual([3]);
  });

  it('ignores a canonical link to another site', async () => {
    page.canonical = 'https://elsewhere.org/clipped';
    await showPageClips(3, 'https://example.org/copy');
    expect(injected()).toEqual([]);
  });

  it('runs it on a page elsewhere that carries the DOI of a clipped reading, and reads no page where no DOI was clipped', async () => {
    page.doi = '10.5555/Mentoring.14';
    await showPageClips(3, 'https://mirror.example/copy');
    expect(injected()).toEqual([]);
    await fakeBrowser.storage.local.set({
      'cache:clipped-pages': { urls: [CLIPPED, 'doi:10.5555/mentoring.14'], at: Date.now() },
    });
    await showPageClips(3, 'https://mirror.example/copy');
    expect(injected()).toEqual([3]);
  });

  it('adds no second stylesheet where the script runs already (it reports the page again)', async () => {
    page.start = 'running';
    await showPageClips(3, CLIPPED);
    expect(injected()).toEqual([3]);
    expect(insertCSS).not.toHaveBeenCalled();
  });

  it('injects once when two events for a tab arrive together', async () => {
    await Promise.all([showPageClips(3, CLIPPED), showPageClips(3, CLIPPED), showPageClips(5, CLIPPED)]);
    expect(injected()).toEqual([3, 5]);
    await showPageClips(3, CLIPPED);
    expect(injected()).toEqual([3, 5, 3]);
  });

  it('runs it where a clip waits to be scrolled to, even on a page not listed', async () => {
    await scrollWhenReady(3, 'clip-1');
    await showPageClips(3, 'https://unlisted.org/reading');
    expect(injected()).toEqual([3]);
  });

  it('shrugs off pages no script may enter', async () => {
    executeScript.mockRejectedValue(
      new Error(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      ),
    );
    await expect(showPageClips(3, CLIPPED)).resolves.toBeUndefined();
  });

  it('runs it in a tab brought to the front whose clips are not shown yet', async () => {
    const tab = await fakeBrowser.tabs.create({ url: CLIPPED });
    await showActivatedTab(tab.id!);
    expect(injected()).toEqual([tab.id]);
    await savePageState(tab.id!, { url: CLIPPED, ids: [CLIPPED], document: {}, clips: [], found: {}, error: null });
    await showActivatedTab(tab.id!);
    expect(injected()).toEqual([tab.id]);
  });

  it('after clips were sent from a page, runs it in open tabs of that site that have none yet', async () => {
    const reading = await fakeBrowser.tabs.create({ url: CLIPPED });
    const other = await fakeBrowser.tabs.create({ url: 'https://news.example.com/today' });
    await refreshPages([CLIPPED]);
    expect(injected()).toEqual([reading.id]);
    expect(injected()).not.toContain(other.id);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Clip, Me } from '@mentoring/shared';
import { saveConnection } from './connection.ts';
import type { BackgroundRequest, ContentRequest } from './messages.ts';
import { readPageState } from './page-state.ts';
import { readQueue } from './queue.ts';
import { handleRequest } from './requests.ts';

const ME: Me = {
  person: { id: 'p1', name: 'Mina', email: null },
  program: { id: 'prog', title: 'Program', label: null, platformName: null },
  programRole: 'participant',
  locale: 'en',
  chosenLocale: null,
};
const CLIP: Clip = {
  id: 'clip-1',
  partnershipId: 'part-1',
  clipperId: 'p1',
  url: 'https://example.org/reading',
  title: 'Reading',
  pageIds: ['https://example.org/reading'],
  quote: 'compose the conversation',
  selectors: [
    {
      type: 'TextQuoteSelector',
      exact: 'compose the conversation',
      prefix: 'Mentor and mentee ',
      suffix: ' in real time',
    },
  ],
  note: 'private thoughts',
  tags: [],
  goalIds: [],
  promptIds: [],
  reviews: [],
  createdAt: '2025-03-01T09:00:00Z',
  updatedAt: '2025-03-01T09:00:00Z',
};

const fromPage = {
  id: 'test-extension-id',
  tab: { id: 3 } as Browser.tabs.Tab,
  frameId: 0,
  url: 'https://example.org/reading',
};
const fromExtension = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/picker.html?id=1' };
const fromOtherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

let toContent: ContentRequest[];
beforeEach(async () => {
  fakeBrowser.reset();
  toContent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: ContentRequest) => {
    toContent.push(message);
    return message.type === 'highlights:set'
      ? Object.fromEntries(message.passages.map((p) => [p.id, false]))
      : { found: true };
  }) as never);
  await saveConnection({ toolUrl: 'https://tool.test', token: 'tok', me: ME, connectionId: 'c1' });
});
afterEach(() => vi.unstubAllGlobals());

function toolAnswers(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetch = vi.fn(answer);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A tool whose one partnership holds CLIP. */
function toolWithClip() {
  return toolAnswers((url) => {
    const { pathname } = new URL(url);
    if (pathname === '/api/partnerships')
      return json(200, {
        partnerships: [
          {
            id: 'part-1',
            kind: 'mentoring',
            status: 'active',
            members: [{ personId: 'p1', name: 'Mina', role: 'mentee', invitation: 'accepted' }],
          },
        ],
      });
    if (pathname === '/api/partnerships/part-1/clips' || pathname === '/api/clips')
      return json(200, { clips: [CLIP], total: 1 });
    return json(404, { error: { code: 'not_found', message: 'no such route' } });
  });
}
const clipRequests = (fetch: ReturnType<typeof toolAnswers>) =>
  fetch.mock.calls.map(([url]) => url).filter((url) => url.includes('/api/clips?'));

describe('background requests', () => {
  it('answers the PDF reader’s report with the PDF’s clips, asked for by its fingerprint, through the reader', async () => {
    const fetch = toolWithClip();
    const reader = await fakeBrowser.tabs.create({ url: 'chrome-extension://test-extension-id/reader.html?url=x' });
    const toReader = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ 'clip-1': true } as never);
    const fromReader = { ...fromExtension, tab: reader as Browser.tabs.Tab, url: reader.url };
    const document = { pdfFingerprint: 'ABC123' };
    await handleRequest({ type: 'reader:ready', url: 'https://example.org/reading', document }, fromReader);
    expect(clipRequests(fetch)).toEqual([
      `https://tool.test/api/clips?pdfFingerprint=ABC123&url=${encodeURIComponent('https://example.org/reading')}`,
    ]);
    expect(toReader).toHaveBeenCalledWith({
      type: 'reader:ask',
      tabId: reader.id,
      request: { type: 'highlights:set', passages: [{ id: 'clip-1', selectors: CLIP.selectors }] },
    });
    expect(toContent).toEqual([]);
    expect(await readPageState(reader.id!)).toMatchObject({
      url: 'https://example.org/reading',
      ids: ['https://example.org/reading', 'urn:x-pdf:abc123'],
      found: { 'clip-1': true },
    });
    // Only the reader may report a PDF: not another extension page, nor a web page.
    expect(
      handleRequest({ type: 'reader:ready', url: 'https://example.org/reading', document }, fromExtension),
    ).toBeUndefined();
    expect(
      handleRequest({ type: 'reader:ready', url: 'https://example.org/reading', document }, fromPage),
    ).toBeUndefined();
  });

  it('answers a page report with its clips: ids and selectors only to the page, all of it to the side panel', async () => {
    const fetch = toolWithClip();
    await handleRequest({ type: 'page:ready', url: 'https://example.org/reading#part-2' }, fromPage);
    expect(clipRequests(fetch)).toEqual([
      `https://tool.test/api/clips?url=${encodeURIComponent('https://example.org/reading')}`,
    ]);
    expect(toContent).toEqual([{ type: 'highlights:set', passages: [{ id: 'clip-1', selectors: CLIP.selectors }] }]);
    expect(JSON.stringify(toContent)).not.toContain('private thoughts');
    expect(await readPageState(3)).toEqual({
      url: 'https://example.org/reading#part-2',
      ids: ['https://example.org/reading'],
      document: {},
      clips: [CLIP],
      found: { 'clip-1': false },
      error: null,
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('0/1');
  });

  it('never tells the tool about pages without clips', async () => {
    const fetch = toolWithClip();
    await handleRequest(
      { type: 'page:ready', url: 'https://example.org/unrelated' },
      { ...fromPage, url: 'https://example.org/unrelated' },
    );
    await handleRequest(
      { type: 'page:ready', url: 'https://example.org/other' },
      { ...fromPage, url: 'https://example.org/other' },
    );
    expect(clipRequests(fetch)).toEqual([]);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'https://tool.test/api/partnerships',
      'https://tool.test/api/partnerships/part-1/clips?limit=500',
    ]);
    expect(await readPageState(3)).toEqual({
      url: 'https://example.org/other',
      ids: ['https://example.org/other'],
      document: {},
      clips: [],
      found: {},
      error: null,
    });
  });

  it('records why a page’s clips could not be fetched', async () => {
    await fakeBrowser.storage.local.set({ 'cache:clipped-pages': { urls: ['https://example.org/'], at: 0 } });
    toolAnswers(() => Promise.reject(new TypeError('Failed to fetch')));
    await handleRequest({ type: 'page:ready', url: 'https://example.org/' }, fromPage);
    expect(await readPageState(3)).toMatchObject({ clips: [], error: expect.stringMatching(/could not be reached/) });
  });

  it('accepts each request only from the part that may make it', () => {
    const enqueue: BackgroundRequest = {
      type: 'clip:enqueue',
      partnershipId: 'part-1',
      body: { id: 'a', url: 'https://x.org', title: '', quote: 'q' },
    };
    expect(handleRequest(enqueue, fromPage)).toBeUndefined();
    expect(handleRequest(enqueue, fromOtherExtension)).toBeUndefined();
    expect(handleRequest({ type: 'page:ready', url: 'https://x.org' }, fromExtension)).toBeUndefined();
    expect(handleRequest({ type: 'page:ready', url: 'https://x.org' }, { ...fromPage, frameId: 2 })).toBeUndefined();
    expect(handleRequest({ type: 'page:ready', url: 'https://elsewhere.org/clipped-page' }, fromPage)).toBeUndefined();
    expect(handleRequest({ type: 'e2e:clip-selection', tabId: 1 }, fromExtension)).toBeUndefined();
  });

  it('saves a picked clip to the outbox and sends it at once', async () => {
    const fetch = toolAnswers(() => json(201, CLIP));
    const body = {
      id: '2f1c9a51-5c1e-4f7e-9b59-0c3b8f1d2e4a',
      url: 'https://example.org/reading',
      title: 'Reading',
      quote: 'q',
    };
    await expect(
      handleRequest({ type: 'clip:enqueue', partnershipId: 'part-1', body }, fromExtension),
    ).resolves.toEqual({ sent: true, message: 'Clipped.' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await readQueue()).toEqual([]);
  });

  it('keeps a picked clip in the outbox when the tool cannot be reached, and says so', async () => {
    toolAnswers(() => Promise.reject(new TypeError('Failed to fetch')));
    const body = {
      id: '2f1c9a51-5c1e-4f7e-9b59-0c3b8f1d2e4a',
      url: 'https://example.org/reading',
      title: 'Reading',
      quote: 'q',
    };
    const answer = await handleRequest({ type: 'clip:enqueue', partnershipId: 'part-1', body }, fromExtension);
    expect(answer).toEqual({
      sent: false,
      message: expect.stringMatching(/Saved in this browser.*could not be reached/),
    });
    expect(await readQueue()).toHaveLength(1);

    await handleRequest({ type: 'outbox:discard', id: body.id }, fromExtension);
    expect(await readQueue()).toEqual([]);
  });

  it('scrolls to a clip in the tab that shows its page', async () => {
    toolWithClip();
    await fakeBrowser.tabs.create({ url: 'https://example.org/reading' });
    const [tab] = await fakeBrowser.tabs.query({ url: 'https://example.org/reading' });
    await handleRequest(
      { type: 'page:ready', url: 'https://example.org/reading' },
      { ...fromPage, tab: tab as Browser.tabs.Tab },
    );
    const answer = await handleRequest(
      { type: 'clip:show', clipId: 'clip-1', url: 'https://example.org/reading' },
      fromExtension,
    );
    expect(answer).toEqual({ found: true });
    expect(toContent.at(-1)).toEqual({ type: 'highlights:scroll', clipId: 'clip-1' });
  });
});

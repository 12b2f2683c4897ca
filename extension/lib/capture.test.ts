import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { MAX_QUOTE_LENGTH } from '@mentoring/shared';
import { captureFromTab, isClippable } from './capture.ts';
import type { PageSelection } from './messages.ts';

const tab = (url: string) => ({ id: 7, url, title: 'Tab title', index: 0, windowId: 1 }) as Browser.tabs.Tab;
const menu = (selectionText?: string, pageUrl = 'https://example.org/paper.pdf') =>
  ({ menuItemId: 'clip-selection', editable: false, pageUrl, selectionText }) as Browser.contextMenus.OnClickData;

function pageAnswers(selection: PageSelection | 'no content script') {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
    if (selection === 'no content script')
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return selection;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
});

describe('capturing the selection', () => {
  it('takes the quote, selectors, canonical URL and title from the content script', async () => {
    const selectors = [{ type: 'TextPositionSelector' as const, start: 10, end: 20 }];
    const ask = pageAnswers({
      quote: ' the dance ',
      document: {},
      selectors,
      url: 'https://example.org/canonical',
      title: 'Improvisation',
    });
    const capture = await captureFromTab(tab('https://example.org/canonical?utm=x'));
    expect(ask).toHaveBeenCalledWith(7, { type: 'selection:get' }, { frameId: 0 });
    expect(capture).toEqual({
      quote: 'the dance',
      selectors,
      url: 'https://example.org/canonical',
      title: 'Improvisation',
      document: {},
      notice: null,
      tabId: 7,
    });
  });

  it('runs the content script, with its stylesheet, on a page that has none yet, then asks it', async () => {
    const selection = { quote: 'the dance', selectors: [], url: 'https://example.org/', title: 'Improvisation' };
    let running = false;
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
      if (!running) throw new Error('Could not establish connection. Receiving end does not exist.');
      return selection;
    });
    const run = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockImplementation((async () => ((running = true), [{ frameId: 0, result: 'started' }])) as never);
    const style = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined);
    expect(await captureFromTab(tab('https://example.org/'))).toMatchObject({
      quote: 'the dance',
      title: 'Improvisation',
    });
    expect(run).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js'] });
    expect(style).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.css'] });
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('uses the context menu’s text where no content script runs, as in the PDF viewer', async () => {
    pageAnswers('no content script');
    const capture = await captureFromTab(tab('https://example.org/paper.pdf'), menu('A passage of the PDF'));
    expect(capture).toMatchObject({
      quote: 'A passage of the PDF',
      selectors: [],
      url: 'https://example.org/paper.pdf',
      title: 'Tab title',
    });
  });

  it('says so when nothing is selected', async () => {
    pageAnswers({ quote: '', selectors: [], url: 'https://example.org/', title: '', document: {} });
    await expect(captureFromTab(tab('https://example.org/'))).rejects.toThrow(/Nothing is selected/);
  });

  it('refuses browser pages and extension stores', async () => {
    expect(isClippable('chrome://settings')).toBe(false);
    expect(isClippable('https://chromewebstore.google.com/detail/x')).toBe(false);
    expect(isClippable('about:blank')).toBe(false);
    expect(isClippable('https://example.org/')).toBe(true);
    await expect(captureFromTab(tab('chrome://extensions'))).rejects.toThrow(/cannot be clipped/);
  });

  it('cuts over-long selections with a notice, and their selectors with them', async () => {
    const long = 'word '.repeat(2_500);
    pageAnswers({
      quote: long,
      document: {},
      selectors: [
        { type: 'TextQuoteSelector', exact: long, prefix: 'before', suffix: 'after' },
        { type: 'TextPositionSelector', start: 100, end: 100 + long.length },
      ],
      url: 'https://example.org/',
      title: 'Long',
    });
    const capture = await captureFromTab(tab('https://example.org/'));
    expect(capture.quote).toHaveLength(MAX_QUOTE_LENGTH);
    expect(capture.notice).toMatch(/first 10,000 were kept/);
    expect(capture.selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: long.slice(0, MAX_QUOTE_LENGTH),
        prefix: 'before',
        suffix: long.slice(MAX_QUOTE_LENGTH, MAX_QUOTE_LENGTH + 32),
      },
      { type: 'TextPositionSelector', start: 100, end: 100 + MAX_QUOTE_LENGTH },
    ]);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askPage, isReaderUrl, looksLikePdf, pdfUrlOf, readerUrl } from './reader-tabs.ts';
import { letThroughToViewer, redirectPdfTab } from './reader-open.ts';
import { pdfReaderChoiceItem } from './stored.ts';

beforeEach(() => fakeBrowser.reset());

describe('the PDF reader’s tabs', () => {
  it('names the PDF it shows in its address', () => {
    const url = readerUrl('https://example.org/papers/coaching.pdf?v=2');
    expect(isReaderUrl(url)).toBe(true);
    expect(pdfUrlOf(url)).toBe('https://example.org/papers/coaching.pdf?v=2');
    expect(isReaderUrl('https://example.org/reader.html')).toBe(false);
    expect(pdfUrlOf(readerUrl())).toBeNull();
  });

  it('tells PDF addresses by their path', () => {
    expect(looksLikePdf('https://example.org/a/Reading.PDF?download=1#page=2')).toBe(true);
    expect(looksLikePdf('file:///home/mina/reading.pdf')).toBe(true);
    expect(looksLikePdf('https://example.org/reading.pdf.html')).toBe(false);
    expect(looksLikePdf('chrome://settings/a.pdf')).toBe(false);
    expect(looksLikePdf(undefined)).toBe(false);
  });

  it('asks the reader through the extension’s pages, and a web page through its content script', async () => {
    const reader = await fakeBrowser.tabs.create({ url: readerUrl('https://example.org/a.pdf') });
    const page = await fakeBrowser.tabs.create({ url: 'https://example.org/reading' });
    const toReader = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ found: true } as never);
    const toPage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ found: false } as never);
    expect(await askPage(reader.id!, { type: 'highlights:scroll', clipId: 'c1' })).toEqual({ found: true });
    expect(toReader).toHaveBeenCalledWith({
      type: 'reader:ask',
      tabId: reader.id,
      request: { type: 'highlights:scroll', clipId: 'c1' },
    });
    expect(await askPage(page.id!, { type: 'highlights:scroll', clipId: 'c1' })).toEqual({ found: false });
    expect(toPage).toHaveBeenCalledTimes(1);
  });
});

describe('opening every PDF in the reader, by the person’s choice', () => {
  it('sends a tab opening a PDF to the reader only when chosen, and never a file or the reader itself', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/start' });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await redirectPdfTab(tab.id!, 'https://example.org/a.pdf');
    expect(update).not.toHaveBeenCalled();
    await pdfReaderChoiceItem.setValue(true);
    await redirectPdfTab(tab.id!, 'https://example.org/reading');
    await redirectPdfTab(tab.id!, 'file:///home/mina/a.pdf');
    await redirectPdfTab(tab.id!, readerUrl('https://example.org/a.pdf'));
    expect(update).not.toHaveBeenCalled();
    await redirectPdfTab(tab.id!, 'https://example.org/a.pdf');
    expect(update).toHaveBeenCalledWith(tab.id, { url: readerUrl('https://example.org/a.pdf') });
  });

  it('lets a PDF through to the browser’s viewer once, when the reader’s link asks for it', async () => {
    await pdfReaderChoiceItem.setValue(true);
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/start' });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await letThroughToViewer('https://example.org/a.pdf');
    await redirectPdfTab(tab.id!, 'https://example.org/a.pdf');
    expect(update).not.toHaveBeenCalled();
    await redirectPdfTab(tab.id!, 'https://example.org/a.pdf');
    expect(update).toHaveBeenCalledTimes(1);
  });
});

/**
 * The PDF reader's page: loads the PDF (from `?url=`, or a file chosen on this computer), shows it
 * (`pdf-view.ts`), tells the background which PDF it shows (`reader:ready`: its address and
 * fingerprint, by which the PDF's clips are asked for), and answers the background as a content
 * script does: the selection for clipping, the clips' passages to highlight, a clip to scroll to.
 */
import { ph, plural, t } from '@lingui/core/macro';
import { browser } from 'wxt/browser';
import { describe } from '@mentoring/shared/anchoring/index';
import { answerWith, askBackground, type AnchorResults, type ContentRequest, type ReaderRequest } from '@/lib/messages';
import { formatNumber } from '@/lib/format';
import { setPageLanguage } from '@/lib/i18n';
import { followLocale } from '@/lib/locale';
import { anchorInPdf } from '@/lib/pdf-text';
import { letThroughToViewer } from '@/lib/reader-open';
import { pdfUrlOf } from '@/lib/reader-tabs';
import { askForSite } from '@/lib/site-access';
import { PdfView, type Highlight } from './pdf-view';
import '@/content/highlight.css';
import './reader.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pagesEl = $<HTMLElement>('pages');
const statusEl = $<HTMLElement>('status');
const clipButton = $<HTMLButtonElement>('clip');
const allowButton = $<HTMLButtonElement>('allow');

let view: PdfView | null = null;
/** The address the clips name: the PDF's own, or, for a chosen file, a file address by its name. */
let pdfUrl = '';
/** This reader's tab, known before it reports a PDF (and so before the background asks it anything). */
let myTabId: number | undefined;
const myTab = browser.tabs.getCurrent().then((tab) => (myTabId = tab?.id));

const say = (text: string) => (statusEl.textContent = text);
const notAPdf = (reason: string) => t`This file could not be opened as a PDF (${reason}).`;
const titled = (title: string) => t`${title} – Mentoring reader`;
const siteAnswered = (status: number) => t`the site answered ${ph({ status: formatNumber(status) })}`;
const notLoaded = (site: string, reason: string) => t`The PDF could not be loaded from ${site} (${reason}).`;
const someFound = (count: number, all: number) => {
  const found = formatNumber(count);
  return plural(all, { one: `${found} of # clip found in this PDF`, other: `${found} of # clips found in this PDF` });
};

/** The page's own words (its HTML is English), in the extension's language, now and on a change. */
function speak(): void {
  if (!view) {
    document.title = t`Mentoring reader`;
    $('title').textContent = t`Mentoring reader`;
  }
  clipButton.textContent = t`Clip selection`;
  allowButton.textContent = t`Allow reading PDFs from this site`;
  $('viewer').textContent = t`Open in the browser’s viewer`;
  $('file-label').textContent = t`Open a PDF from this computer`;
}
void followLocale((locale) => {
  setPageLanguage(locale);
  speak();
});

/** Where a file chosen on this computer is said to come from (its path is not known to the page). */
const fileAddress = (name: string) => `file:///${encodeURIComponent(name)}`;

async function show(data: Uint8Array, url: string, fallbackTitle: string): Promise<void> {
  view?.destroy();
  pagesEl.replaceChildren();
  clipButton.disabled = true;
  pdfUrl = url;
  say(t`Opening…`);
  try {
    view = await PdfView.open(data, pagesEl, fallbackTitle);
  } catch (err) {
    say(notAPdf((err as Error).message));
    return;
  }
  const opened = view;
  document.title = titled(opened.title);
  $('title').textContent = opened.title;
  await opened.firstPageShown();
  // Timings `bench:extension` reads (from the navigation's start).
  performance.mark('reader:first-page');
  say(plural(opened.pageCount, { one: '# page', other: '# pages' }));
  await opened.textReady;
  performance.mark('reader:text-ready');
  if (view !== opened) return;
  opened.setHighlights([]);
  clipButton.disabled = false;
  await myTab;
  await askBackground({ type: 'reader:ready', url, document: { pdfFingerprint: opened.fingerprint } }).catch(
    () => undefined,
  );
}

async function fetchPdf(url: string): Promise<void> {
  allowButton.hidden = true;
  say(t`Loading…`);
  let data: Uint8Array;
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) throw new Error(siteAnswered(response.status));
    data = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    // Mostly a site this extension may not read yet: asked for on the person's click.
    say(notLoaded(new URL(url).host || url, (err as Error).message));
    allowButton.hidden = !/^https?:/.test(url);
    allowButton.onclick = () =>
      void askForSite(url).then(async (granted) => {
        if (granted) await fetchPdf(url);
        else say(t`Reading from this site was not allowed.`);
      });
    return;
  }
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  const viewer = $<HTMLAnchorElement>('viewer');
  viewer.href = url;
  viewer.hidden = false;
  viewer.onclick = (event) => {
    event.preventDefault();
    void letThroughToViewer(url).then(() => location.assign(url));
  };
  await show(data, url, name);
}

/** The request's answer, as the content script gives it on web pages. */
async function answer(request: ContentRequest) {
  const shown = view;
  switch (request.type) {
    case 'selection:get': {
      const range = shown?.selectionRange(document.getSelection());
      const base = { url: pdfUrl, title: shown?.title ?? '', document: { pdfFingerprint: shown?.fingerprint } };
      if (!shown || !range) return { ...base, quote: '', selectors: [] };
      const quote = shown.text.text.slice(range.start, range.end).replace(/\s+/g, ' ');
      return { ...base, quote, selectors: describe(shown.text.text, range.start, range.end) };
    }
    case 'highlights:set': {
      const found: AnchorResults = {};
      const highlights: Highlight[] = [];
      const text = shown?.text.text ?? '';
      for (const passage of request.passages) {
        const at = shown ? anchorInPdf(text, passage.selectors) : null;
        if (!at) found[passage.id] = false;
        else {
          highlights.push({ id: passage.id, ...at });
          found[passage.id] = at.approximate ? { approximate: text.slice(at.start, at.end) } : true;
        }
      }
      shown?.setHighlights(highlights);
      const count = highlights.filter((h) => !h.approximate).length;
      const all = request.passages.length;
      if (all)
        say(
          count === all
            ? plural(all, { one: '# clip found in this PDF', other: '# clips found in this PDF' })
            : someFound(count, all),
        );
      return found;
    }
    case 'highlights:scroll':
      return { found: (await shown?.scrollTo(request.clipId)) ?? false };
  }
}

browser.runtime.onMessage.addListener(
  answerWith<ReaderRequest>((message, sender) => {
    // Only the extension's own background asks, and only this tab's reader answers.
    if (message?.type !== 'reader:ask' || sender.id !== browser.runtime.id || sender.tab) return undefined;
    return message.tabId === myTabId ? answer(message.request) : undefined;
  }),
);

clipButton.addEventListener('click', () => {
  void myTab.then(async (tabId) => {
    if (tabId !== undefined) await askBackground({ type: 'clip:active-tab', tabId });
  });
});

$<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  void file.arrayBuffer().then((bytes) => show(new Uint8Array(bytes), fileAddress(file.name), file.name));
});

const wanted = pdfUrlOf(location.href);
if (wanted) void fetchPdf(wanted);
else say(t`Choose a PDF from this computer to read and clip it.`);

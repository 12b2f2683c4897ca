/**
 * The PDF reader's part of `bench:extension`: a 50-page PDF (made with `pdfReading` from the
 * handout's readings) served on 127.0.0.1, opened in the release build's reader, BENCH_RUNS times
 * in fresh tabs. Per open, from the navigation's start: the first page drawn, and every page's
 * text read (what finding clips needs). Then re-finding 50 clips, one per page, through the
 * reader's real path: the background's `highlights:set` request (`reader:ask`), timed in the
 * service worker around `runtime.sendMessage`; the reader anchors every passage over the PDF's
 * text and marks it. The passages are described over the same text the reader builds, read here
 * with the same PDF.js (its Node build) and `lib/pdf-text.ts`. Medians.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { describe as describePassage } from '@mentoring/shared/anchoring/index';
import type { Selector } from '@mentoring/shared';
import { pdfText, type PdfTextItem } from '@mentoring/extension/lib/pdf-text.ts';
import { pdfReading } from '../support/pdf-readings.ts';
import { readReading } from '../support/pages.ts';

export const READER_PAGES = 50;
export const READER_CLIPS = 50;

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

const READINGS = [
  'coaching-as-improvisation.txt',
  'goals-that-last-two-years.txt',
  'help-when-it-is-needed.txt',
  'the-agenda-belongs-to-the-mentee.txt',
  'what-stays-in-the-room.txt',
];

/** 50 pages of the readings' paragraphs in turn, each page headed with its number. */
function pages(): string[] {
  const paragraphs = READINGS.flatMap((f) =>
    readReading(f)
      .split('\n')
      .filter((p) => p.trim().length > 80),
  );
  return Array.from({ length: READER_PAGES }, (_, i) =>
    [
      `Readings for new school leaders, page ${i + 1}`,
      ...[0, 1, 2].map((k) => paragraphs[(3 * i + k) % paragraphs.length]!),
    ].join('\n'),
  );
}

/** The PDF's text as the reader builds it, read with PDF.js's Node build (the extension's copy). */
async function readerText(pdf: Uint8Array) {
  const resolve = createRequire(path.resolve(import.meta.dirname, '../../extension/package.json')).resolve;
  const pdfjs = (await import(resolve('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs;
  const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  const all: PdfTextItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    all.push(content.items.filter((it): it is PdfTextItem => 'str' in it));
  }
  await doc.destroy();
  return pdfText(all);
}

/** The part of PDF.js used here (this workspace does not load its types). */
interface PdfJs {
  getDocument(source: { data: Uint8Array; isEvalSupported: boolean }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: object[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface ReaderFigures {
  bytes: number;
  firstPage: number;
  textRead: number;
  refind: number;
  found: number;
  /** Text read plus re-finding: from opening to every clip highlighted, without the tool's answer. */
  total: number;
}

export async function measureReader(
  context: BrowserContext,
  worker: Worker,
  runs: number,
  warmup: number,
): Promise<ReaderFigures> {
  const pdf = await pdfReading(pages(), 'Readings for new school leaders');
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/readings.pdf' ? 200 : 404, {
      'content-type': 'application/pdf',
      'cache-control': 'no-store',
    });
    res.end(req.url === '/readings.pdf' ? Buffer.from(pdf) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pdfUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/readings.pdf`;
  try {
    const doc = await readerText(pdf);
    // One passage per page, from the middle of its second paragraph.
    const passages = Array.from({ length: READER_CLIPS }, (_, i) => {
      const pageText = doc.text.slice(doc.pageStarts[i]!, doc.pageStarts[i + 1]!);
      const start = doc.pageStarts[i]! + pageText.indexOf('\n', pageText.length / 2) + 1;
      const selectors: Selector[] = describePassage(doc.text, start, start + 80);
      return { id: `clip-${i}`, selectors };
    });
    const readerUrl = await worker.evaluate(
      (u) => `${chrome.runtime.getURL('/reader.html')}?url=${encodeURIComponent(u)}`,
      pdfUrl,
    );
    const firstPage: number[] = [];
    const textRead: number[] = [];
    const refind: number[] = [];
    let found = 0;
    for (let i = 0; i < runs + warmup; i++) {
      const page = await context.newPage();
      await page.goto(readerUrl);
      const mark = (name: string) =>
        page
          .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { polling: 10 })
          .then((h) => h.jsonValue() as Promise<number>);
      const [shown, read] = [await mark('reader:first-page'), await mark('reader:text-ready')];
      const tabId = await worker.evaluate(
        async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
        readerUrl,
      );
      const { took, answer } = await worker.evaluate(
        async ([tabId, list]) => {
          const t0 = performance.now();
          const answer = (await chrome.runtime.sendMessage({
            type: 'reader:ask',
            tabId,
            request: { type: 'highlights:set', passages: list },
          })) as Record<string, unknown>;
          return { took: performance.now() - t0, answer };
        },
        [tabId!, passages] as const,
      );
      found = Object.values(answer).filter((r) => r === true).length;
      if (i >= warmup) {
        firstPage.push(shown);
        textRead.push(read);
        refind.push(took);
      }
      await page.close();
    }
    const figures = { firstPage: median(firstPage), textRead: median(textRead), refind: median(refind) };
    return { bytes: pdf.length, ...figures, found, total: figures.textRead + figures.refind };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

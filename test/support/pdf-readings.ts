/**
 * PDF readings for tests, made on the fly with pdf-lib (no binary PDFs in the repository): one
 * string per page, its text wrapped into lines, as the sample program's readings are laid out.
 */
import { createServer, type Server } from 'node:http';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { READING } from './pages.ts';

const PAGE = { width: 595, height: 842 };
const MARGIN = 56;
const FONT_SIZE = 11;
const LINE_HEIGHT = 15;

/** A PDF of `pages`, each page's paragraphs (split at line breaks) wrapped to the page's width. */
export async function pdfReading(pages: string[], title = 'Mentoring reading'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  // A fixed creation date: the same pages make the same file, and so the same fingerprint.
  pdf.setCreationDate(new Date('2026-03-03T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-03-03T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const width = PAGE.width - 2 * MARGIN;
  for (const text of pages) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    let y = PAGE.height - MARGIN;
    for (const paragraph of text.split('\n').filter((p) => p.trim())) {
      for (const line of wrap(paragraph, (s) => font.widthOfTextAtSize(s, FONT_SIZE), width)) {
        page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
        y -= LINE_HEIGHT;
      }
      y -= LINE_HEIGHT / 2;
    }
  }
  return pdf.save();
}

/** Greedy word wrapping. */
function wrap(paragraph: string, widthOf: (s: string) => number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && widthOf(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** "Coaching as Improvisation" as a PDF: its paragraphs spread over `pageCount` pages. */
export function readingPages(pageCount: number, text = READING): string[] {
  const paragraphs = text.split('\n').filter((p) => p.trim());
  return Array.from({ length: pageCount }, (_, i) =>
    paragraphs.filter((_, j) => Math.floor((j * pageCount) / paragraphs.length) === i).join('\n'),
  );
}

export interface PdfServer {
  url: string;
  /** Serves `pdf` at `path` (replacing what was there). */
  set(path: string, pdf: Uint8Array): void;
  close(): Promise<void>;
}

/** Serves PDFs on 127.0.0.1, on a port of its own. */
export async function servePdfs(): Promise<PdfServer> {
  const files = new Map<string, Uint8Array>();
  const server: Server = createServer((req, res) => {
    const pdf = files.get(new URL(req.url!, 'http://x').pathname);
    if (!pdf) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(Buffer.from(pdf));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    set: (p, pdf) => void files.set(p, pdf),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Selects `wanted` in the PDF reader's text layers, as a reader would with the mouse, line breaks
 * standing for spaces; false when it is not there. Runs in the reader (`page.evaluate(selectInReader, text)`).
 */
export function selectInReader(wanted: string): boolean {
  const nodes: Text[] = [];
  for (const layer of document.querySelectorAll('.text-layer')) {
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  }
  // The layers' text with white space collapsed, and where each of its characters came from.
  let flat = '';
  const from: Array<[Text, number]> = [];
  for (const node of nodes) {
    for (let i = 0; i < node.data.length; i++) {
      const c = /\s/.test(node.data[i]!) ? ' ' : node.data[i]!;
      if (c === ' ' && flat.endsWith(' ')) continue;
      flat += c;
      from.push([node, i]);
    }
  }
  const at = flat.indexOf(wanted);
  if (at < 0) return false;
  const [startNode, startOffset] = from[at]!;
  const [endNode, endOffset] = from[at + wanted.length - 1]!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  return true;
}

/** The marked text of each clip in the reader, its parts joined, sorted. Runs in the reader. */
export function highlightedInReader(): string[] {
  const byClip = new Map<string, string[]>();
  for (const m of document.querySelectorAll<HTMLElement>('mark.mw-highlight'))
    byClip.set(m.dataset.clipId!, [...(byClip.get(m.dataset.clipId!) ?? []), m.textContent!]);
  return [...byClip.values()].map((parts) => parts.join(' ').replace(/\s+/g, ' ')).sort();
}

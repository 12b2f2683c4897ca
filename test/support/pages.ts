/** Readings served on 127.0.0.1 for end-to-end tests, made from a text file, one paragraph a line. */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_READINGS_DIR } from '@mentoring/lti-tool/src/sandbox/lms/readings.ts';

/** One of the sample program's readings (`coaching-as-improvisation.txt`…), without its dateline. */
export function readReading(file: string): string {
  const text = readFileSync(path.join(SAMPLE_READINGS_DIR, file), 'utf8');
  return text.replace(/^[A-Z][a-z]+ \d{1,2}, \d{4}\s*\n/, '');
}

/** "Coaching as Improvisation", the reading the journeys clip from. */
export const READING = readReading('coaching-as-improvisation.txt');

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** An HTML page of `text`: its first line as the title, each further line a paragraph. */
export function htmlPage(text: string, canonical?: string): string {
  const [title, ...lines] = text.split('\n').filter((l) => l.trim());
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title!)}</title>${
    canonical ? `<link rel="canonical" href="${escape(canonical)}">` : ''
  }<style>p{max-width:40em}</style><script>window.pageScript = true;</script></head><body><h1>${escape(title!)}</h1>${lines
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n')}</body></html>`;
}

export interface PageServer {
  url: string;
  /** Serves `html` at `path` (replacing what was there). */
  set(path: string, html: string): void;
  close(): Promise<void>;
}

export async function servePages(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url!, 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    set: (p, html) => void pages.set(p, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Selects `wanted` in the document, as a reader would with the mouse (it must lie within one
 * paragraph); false when it is not there. Runs in the page (`page.evaluate(selectInPage, text)`).
 */
export function selectInPage(wanted: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}

/** Selects `text` in the page (see `selectInPage`). */
export async function selectText(page: import('playwright-core').Page, text: string): Promise<void> {
  if (!(await page.evaluate(selectInPage, text))) throw new Error(`"${text}" is not on the page`);
}

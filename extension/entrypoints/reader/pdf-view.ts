/**
 * A PDF shown with PDF.js: every page's place is laid out at once, and a page is drawn (canvas
 * and text layer) only when it scrolls near the view, so a long PDF opens as fast as a short one.
 * The text layer is this reader's own: one span per PDF.js text item, with the line breaks of the
 * document's text (`lib/pdf-text.ts`) between them, so a selection's offsets in the layer are its
 * offsets in that text, and highlights are drawn over items from the same offsets.
 */
import {
  getDocument,
  GlobalWorkerOptions,
  Util,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type PageViewport,
} from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ph, t } from '@lingui/core/macro';
import { formatNumber } from '@/lib/format';

const pageLabel = (page: number) => t`Page ${ph({ page: formatNumber(page) })}`;
import { pagePieces, pageAt, pdfText, type PdfText } from '@/lib/pdf-text';

// The worker is one of the extension's own files (extension pages may run only those), started
// as the page loads so that it is ready by the time the PDF has arrived.
GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });

/** A clip's passage placed in the text. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  approximate: boolean;
}

interface Slot {
  element: HTMLDivElement;
  viewport: PageViewport | null;
  content: TextContent | null;
  drawn: Promise<void> | null;
}

const MAX_SCALE = 1.5;
const GAP = 12;

export class PdfView {
  /** The PDF's fingerprint (PDF.js `fingerprints[0]`): the same file has it at any address. */
  readonly fingerprint: string;
  readonly title: string;
  /** Resolves once every page's text is known (`text` is empty before). */
  readonly textReady: Promise<PdfText>;
  text: PdfText = { text: '', pageStarts: [0], itemStarts: [] };
  private slots: Slot[];
  private scale = 1;
  private highlights: Highlight[] = [];
  private observer: IntersectionObserver;

  private constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly container: HTMLElement,
    first: PDFPageProxy,
    title: string,
  ) {
    this.fingerprint = pdf.fingerprints[0] ?? '';
    this.title = title;
    const base = first.getViewport({ scale: 1 });
    this.scale = Math.min(MAX_SCALE, Math.max(0.5, (container.clientWidth - 2 * GAP) / base.width));
    const size = first.getViewport({ scale: this.scale });
    this.slots = Array.from({ length: pdf.numPages }, (_, i) => {
      const element = document.createElement('div');
      element.className = 'pdf-page';
      element.dataset.page = String(i);
      element.style.width = `${size.width}px`;
      element.style.height = `${size.height}px`;
      element.setAttribute('aria-label', pageLabel(i + 1));
      container.append(element);
      return { element, viewport: null, content: null, drawn: null };
    });
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) void this.draw(Number((e.target as HTMLElement).dataset.page));
      },
      { root: container, rootMargin: '600px 0px' },
    );
    for (const s of this.slots) this.observer.observe(s.element);
    this.textReady = this.readText();
  }

  static async open(data: Uint8Array, container: HTMLElement, fallbackTitle: string): Promise<PdfView> {
    const pdfjsData = (dir: string) => new URL(`/pdfjs/${dir}/`, location.origin).href;
    const pdf = await getDocument({
      data,
      isEvalSupported: false,
      cMapUrl: pdfjsData('cmaps'),
      cMapPacked: true,
      wasmUrl: pdfjsData('wasm'),
    }).promise;
    const [first, meta] = await Promise.all([pdf.getPage(1), pdf.getMetadata().catch(() => null)]);
    const info = meta?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : fallbackTitle;
    return new PdfView(pdf, container, first, title);
  }

  get pageCount(): number {
    return this.slots.length;
  }

  /** Resolves once the first page is drawn. */
  firstPageShown(): Promise<void> {
    return this.draw(0);
  }

  /** Every page's text, all asked for at once: the worker answers them one after the other without waiting for the page. */
  private async readText(): Promise<PdfText> {
    const pages = await Promise.all(
      this.slots.map(async (slot, i) => {
        const content = await (await this.pdf.getPage(i + 1)).getTextContent();
        slot.content = content;
        return content.items.filter((it): it is TextItem => 'str' in it);
      }),
    );
    this.text = pdfText(pages);
    return this.text;
  }

  private draw(index: number): Promise<void> {
    const slot = this.slots[index];
    if (!slot) return Promise.resolve();
    slot.drawn ??= this.drawPage(index, slot);
    return slot.drawn;
  }

  private async drawPage(index: number, slot: Slot): Promise<void> {
    const page = await this.pdf.getPage(index + 1);
    const viewport = page.getViewport({ scale: this.scale });
    slot.viewport = viewport;
    slot.element.style.width = `${viewport.width}px`;
    slot.element.style.height = `${viewport.height}px`;
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    await page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    slot.element.prepend(canvas);
    slot.content ??= await page.getTextContent();
    this.drawTextLayer(index);
  }

  /** (Re)builds a drawn page's text layer, with the highlights that fall on it. */
  private drawTextLayer(index: number): void {
    const slot = this.slots[index]!;
    const { viewport, content } = slot;
    if (!viewport || !content) return;
    slot.element.querySelector('.text-layer')?.remove();
    const layer = document.createElement('div');
    layer.className = 'text-layer';
    const items = content.items.filter((it): it is TextItem => 'str' in it);
    const starts = this.text.itemStarts[index];
    const measure = document.createElement('canvas').getContext('2d')!;
    for (const piece of pagePieces(items)) {
      if (piece.item === null) {
        layer.append(piece.text);
        continue;
      }
      const item = items[piece.item]!;
      const span = document.createElement('span');
      const tx = Util.transform(viewport.transform, item.transform);
      const fontSize = Math.hypot(tx[2]!, tx[3]!);
      const angle = Math.atan2(tx[1]!, tx[0]!);
      const family = content.styles[item.fontName]?.fontFamily ?? 'sans-serif';
      const ascent = content.styles[item.fontName]?.ascent || 0.8;
      span.style.left = `${tx[4]! + fontSize * ascent * Math.sin(angle)}px`;
      span.style.top = `${tx[5]! - fontSize * ascent * Math.cos(angle)}px`;
      span.style.fontSize = `${fontSize}px`;
      span.style.fontFamily = family;
      measure.font = `${fontSize}px ${family}`;
      const natural = measure.measureText(item.str).width;
      const wanted = (item.width || 0) * viewport.scale;
      const stretch = natural > 0 && wanted > 0 ? wanted / natural : 1;
      span.style.transform = `rotate(${angle}rad) scaleX(${stretch})`;
      if (starts) this.fillSpan(span, item.str, starts[piece.item]!);
      else span.textContent = item.str;
      layer.append(span);
    }
    slot.element.append(layer);
  }

  /** An item's text, with the parts that clips cover marked. */
  private fillSpan(span: HTMLSpanElement, str: string, start: number): void {
    const end = start + str.length;
    const over = this.highlights.filter((h) => h.start < end && h.end > start);
    if (!over.length) {
      span.textContent = str;
      return;
    }
    const cuts = [...new Set([0, str.length, ...over.flatMap((h) => [h.start - start, h.end - start])])]
      .filter((c) => c >= 0 && c <= str.length)
      .sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const part = str.slice(cuts[i], cuts[i + 1]);
      const at = start + cuts[i]!;
      const h = over.find((o) => o.start <= at && o.end > at);
      if (!h) {
        span.append(part);
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = h.approximate ? 'mw-highlight mw-highlight-approximate' : 'mw-highlight';
      mark.dataset.clipId = h.id;
      mark.textContent = part;
      span.append(mark);
    }
  }

  /** Shows these highlights instead of the previous ones. */
  setHighlights(highlights: Highlight[]): void {
    // The text layers are rebuilt: the reader's selection in them is put back where it was.
    const selection = document.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
    const kept = range && {
      start: this.offsetOf(range.startContainer, range.startOffset),
      end: this.offsetOf(range.endContainer, range.endOffset),
    };
    this.highlights = highlights;
    this.slots.forEach((s, i) => {
      if (s.viewport) this.drawTextLayer(i);
    });
    const start = typeof kept?.start === 'number' ? this.pointAt(kept.start) : null;
    const end = typeof kept?.end === 'number' ? this.pointAt(kept.end) : null;
    if (selection && start && end) selection.setBaseAndExtent(start[0], start[1], end[0], end[1]);
  }

  /** The text node and offset in a drawn text layer at `offset` in the text; null where not drawn. */
  private pointAt(offset: number): [Text, number] | null {
    const index = pageAt(this.text, offset);
    const layer = this.slots[index]?.element.querySelector('.text-layer');
    if (!layer) return null;
    let left = offset - this.text.pageStarts[index]!;
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (left <= node.data.length) return [node, left];
      left -= node.data.length;
    }
    return null;
  }

  /** Scrolls to a highlight (drawing its page first); false when it is not shown. */
  async scrollTo(id: string): Promise<boolean> {
    const h = this.highlights.find((x) => x.id === id);
    if (!h) return false;
    const index = pageAt(this.text, h.start);
    this.slots[index]!.element.scrollIntoView({ block: 'start' });
    await this.draw(index);
    this.container.querySelectorAll('mark.mw-highlight-focus').forEach((m) => m.classList.remove('mw-highlight-focus'));
    const marks = [...this.container.querySelectorAll<HTMLElement>('mark.mw-highlight')].filter(
      (m) => m.dataset.clipId === id,
    );
    marks.forEach((m) => m.classList.add('mw-highlight-focus'));
    marks[0]?.scrollIntoView({ block: 'center' });
    return marks.length > 0;
  }

  /** The selection's place in the text, white space at its edges left out; null outside the PDF's text. */
  selectionRange(selection: Selection | null): { start: number; end: number } | null {
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    let start = this.offsetOf(range.startContainer, range.startOffset);
    let end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    const { text } = this.text;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return start < end ? { start, end } : null;
  }

  /** A point in a text layer as an offset in the text: the layer's text before it, from its page's start. */
  private offsetOf(node: Node, offset: number): number | null {
    const element = node instanceof Element ? node : node.parentElement;
    const layer = element?.closest('.text-layer');
    const page = layer?.parentElement?.dataset.page;
    if (!layer || page === undefined) return null;
    const before = document.createRange();
    before.setStart(layer, 0);
    before.setEnd(node, offset);
    return this.text.pageStarts[Number(page)]! + before.toString().length;
  }

  destroy(): void {
    this.observer.disconnect();
    void this.pdf.destroy();
  }
}

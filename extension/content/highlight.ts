/**
 * Highlights of a page's clips: the page's own text nodes wrapped in `<mark class="mw-highlight">`
 * (no clip data ever enters the page). Passages are found with the shared anchoring rules.
 */
import { anchor } from '@mentoring/shared/anchoring/index';
import type { AnchorResult, AnchorResults, PassageToFind } from '@/lib/messages';
import { piecesOf, readPageText } from './page-text.ts';

const MARK_CLASS = 'mw-highlight';
const FOCUS_CLASS = 'mw-highlight-focus';
/** Marks of passages found only approximately, all of whose clips are. */
const APPROXIMATE_CLASS = 'mw-highlight-approximate';

const inDocumentOrder = (a: Node, b: Node) =>
  a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

export class Highlighter {
  /** The clips each mark shows (clips can overlap). */
  private readonly owners = new Map<HTMLElement, Set<string>>();
  private readonly marksOf = new Map<string, HTMLElement[]>();
  /** What was found of each passage shown. */
  private readonly results = new Map<string, AnchorResult>();

  constructor(private readonly root: HTMLElement) {}

  /** Shows exactly these passages (keeping those already shown) and says which were found. */
  set(passages: readonly PassageToFind[]): AnchorResults {
    const wanted = new Set(passages.map((p) => p.id));
    for (const id of [...this.marksOf.keys()]) if (!wanted.has(id)) this.remove(id);

    const results: AnchorResults = {};
    const segments = new Map<Text, Array<{ id: string; from: number; to: number }>>();
    const fresh = passages.filter((p) => !this.marksOf.has(p.id));
    const page = fresh.length ? readPageText(this.root) : null;
    for (const passage of passages) {
      if (!page || this.marksOf.has(passage.id)) {
        results[passage.id] = this.results.get(passage.id) ?? true;
        continue;
      }
      const range = anchor(page.text, passage.selectors);
      const pieces = range
        ? piecesOf(page, range.start, range.end).filter(([node, from, to]) => node.data.slice(from, to).trim())
        : [];
      results[passage.id] =
        pieces.length === 0
          ? false
          : range!.approximate
            ? { approximate: page.text.slice(range!.start, range!.end) }
            : true;
      this.results.set(passage.id, results[passage.id]!);
      this.marksOf.set(passage.id, []);
      for (const [node, from, to] of pieces) {
        const list = segments.get(node) ?? [];
        list.push({ id: passage.id, from, to });
        segments.set(node, list);
      }
      if (!pieces.length) {
        this.marksOf.delete(passage.id);
        this.results.delete(passage.id);
      }
    }
    for (const [node, list] of segments) this.wrap(node, list);
    for (const passage of fresh) this.marksOf.get(passage.id)?.sort(inDocumentOrder);
    return results;
  }

  /** Scrolls the clip's passage into view and flashes it; false when it is not on the page. */
  scrollTo(id: string): boolean {
    const marks = this.marksOf.get(id);
    if (!marks?.length) return false;
    marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const mark of marks) mark.classList.add(FOCUS_CLASS);
    setTimeout(() => marks.forEach((mark) => mark.classList.remove(FOCUS_CLASS)), 2_500);
    return true;
  }

  /** Splits one text node at every segment boundary and wraps each covered part in a mark. */
  private wrap(node: Text, list: Array<{ id: string; from: number; to: number }>): void {
    const cuts = [...new Set(list.flatMap((s) => [s.from, s.to]))].sort((a, b) => b - a);
    // From the end backwards, so the offsets still to be cut stay valid in `node`.
    for (let i = 0; i < cuts.length - 1; i++) {
      const [to, from] = [cuts[i]!, cuts[i + 1]!];
      const ids = list.filter((s) => s.from <= from && s.to >= to).map((s) => s.id);
      if (!ids.length) continue;
      if (to < node.data.length) node.splitText(to);
      const part = from > 0 ? node.splitText(from) : node;
      const mark = node.ownerDocument.createElement('mark');
      mark.className = MARK_CLASS;
      if (ids.every((id) => typeof this.results.get(id) === 'object')) mark.classList.add(APPROXIMATE_CLASS);
      part.replaceWith(mark);
      mark.append(part);
      this.owners.set(mark, new Set(ids));
      for (const id of ids) this.marksOf.get(id)!.push(mark);
    }
  }

  /** Takes a clip's highlight away, unwrapping marks no other clip uses. */
  private remove(id: string): void {
    for (const mark of this.marksOf.get(id) ?? []) {
      const owners = this.owners.get(mark);
      owners?.delete(id);
      if (owners?.size) continue;
      this.owners.delete(mark);
      mark.replaceWith(...mark.childNodes);
    }
    this.marksOf.delete(id);
    this.results.delete(id);
  }
}

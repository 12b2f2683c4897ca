/**
 * The page as one flat string: the text of its DOM text nodes in document order, skipping code
 * and styles (script, style, noscript, template). Hidden text is kept, so offsets do not shift
 * when a page shows or hides a part. Offsets here are what the selectors describe.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export interface PageText {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

export function readPageText(root: Node): PageText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE
        ? SKIPPED.has((node as Element).tagName.toUpperCase())
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!data) continue;
    nodes.push(node as Text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The flat offset of a DOM point (as found in a selection's range). */
export function offsetOf(page: PageText, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = page.nodes.indexOf(container as Text);
    if (i >= 0) return page.starts[i]! + Math.min(offset, (container as Text).data.length);
    // A skipped or empty text node: treat as the point just before it.
    return startOfFirstNodeFrom(page, (n) => isAfter(container, n));
  }
  const child = container.childNodes[offset];
  return child
    ? startOfFirstNodeFrom(page, (n) => n === child || child.contains(n) || isAfter(child, n))
    : startOfFirstNodeFrom(page, (n) => isAfter(container, n) && !container.contains(n));
}

const isAfter = (reference: Node, node: Node) =>
  !!(reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);

/** Start offset of the first text node (document order) for which `atOrAfter` holds; binary search. */
function startOfFirstNodeFrom(page: PageText, atOrAfter: (node: Text) => boolean): number {
  let lo = 0;
  let hi = page.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(page.nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo < page.nodes.length ? page.starts[lo]! : page.text.length;
}

/** The text-node pieces covering flat offsets [start, end), as [node, from, to] triples. */
export function piecesOf(page: PageText, start: number, end: number): Array<[Text, number, number]> {
  const pieces: Array<[Text, number, number]> = [];
  let i = lastNodeStartingAtOrBefore(page, start);
  for (; i < page.nodes.length && page.starts[i]! < end; i++) {
    const node = page.nodes[i]!;
    const from = Math.max(0, start - page.starts[i]!);
    const to = Math.min(node.data.length, end - page.starts[i]!);
    if (from < to) pieces.push([node, from, to]);
  }
  return pieces;
}

function lastNodeStartingAtOrBefore(page: PageText, offset: number): number {
  let lo = 0;
  let hi = page.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (page.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

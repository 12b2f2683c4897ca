/**
 * What a screen shown in the pseudo-locale (every word of every message accented and a third longer)
 * gives away: text with Latin words that no message made, and boxes too narrow for longer translations.
 */
import type { Frame, Page } from 'playwright-core';

export interface PlainTextOptions {
  /** Further elements (a CSS selector) whose text is not the interface's. */
  skip?: string;
  /** Attributes read as text (aria-label, title, placeholder): one with no message's words counts. */
  attributes?: string[];
  /** Whole texts that are not the app's to translate (React Aria's own hidden "Dismiss"). */
  allow?: string[];
}

/**
 * Visible text with Latin words and none of the pseudo-locale's marks. People's own words (names,
 * titles, quotes) are isolated in bdi or dir=auto, dates and times in time elements; option and
 * script text is not the screen's.
 */
export function plainText(page: Page | Frame, opts: PlainTextOptions = {}): Promise<string[]> {
  return page.evaluate(({ skip = '', attributes = [], allow = [] }) => {
    // Form fields and the options of a list to choose from hold people's words (a goal to link, a tag).
    const isolated = `bdi, [dir="auto"], time, option, [role=option], textarea, script, style, noscript${skip ? `, ${skip}` : ''}`;
    const marked = /[áéíöüçñýšž~]/i;
    /** A text with Latin words and none of a message's (a name put into a message is the message's). */
    const plain = (raw: string): string | undefined => {
      const text = raw.trim();
      return /[A-Za-z]{3}/.test(text) && !marked.test(text) && !allow.includes(text) ? text : undefined;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = plain(n.textContent?.trim() ?? '');
      if (!el || !text || el.closest(isolated) || !el.getClientRects().length) continue;
      found.push(
        `${text} (in ${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''})`,
      );
    }
    for (const name of attributes) {
      for (const el of document.body.querySelectorAll<HTMLElement>(`[${name}]`)) {
        const text = plain(el.getAttribute(name) ?? '');
        if (!text || el.closest(isolated)) continue;
        // A row named by the person's words it shows (React Aria names a row by its text) is theirs.
        if ([...el.querySelectorAll('bdi, [dir="auto"]')].some((b) => b.textContent?.trim() === text)) continue;
        // A hidden element's label is not read, except where a visible element names it with aria-labelledby.
        if (!el.getClientRects().length && !el.closest('[role=dialog], [role=region], [role=tabpanel], [role=menu]'))
          continue;
        found.push(`${name}: ${text}`);
      }
    }
    return found;
  }, opts);
}

/**
 * Visible elements whose content is wider than their box where nothing scrolls it into view: the
 * longer text is cut off (ellipsis) or spills out. Form fields and scrolling boxes are left alone;
 * `skip` names further elements (a CSS selector) that may clip by design.
 */
export function clippedElements(page: Page | Frame, skip = ''): Promise<string[]> {
  return page.evaluate((skip) => {
    const found: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.matches('input, select, textarea, option, script, style, svg *') || !el.getClientRects().length) continue;
      // Visually hidden text (for screen readers) sits in a 1 px box by design.
      if ((skip && el.closest(skip)) || el.getBoundingClientRect().width <= 1) continue;
      const { overflowX } = getComputedStyle(el);
      if (overflowX === 'auto' || overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        found.push(`${name}: “${(el.textContent ?? '').trim().slice(0, 60)}” (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    // What reaches past the window's edge where no box of its own scrolls it (a page clipped sideways).
    const edge = document.documentElement.clientWidth;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= edge + 1 || (skip && el.closest(skip))) continue;
      const scroller = (x: HTMLElement | null): boolean =>
        !!x && x !== document.body && (/auto|scroll/.test(getComputedStyle(x).overflowX) || scroller(x.parentElement));
      if (scroller(el.parentElement) || (el.parentElement && el.parentElement.getBoundingClientRect().right > edge + 1))
        continue;
      found.push(
        `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}: reaches ${Math.round(r.right)} past the window's ${edge}`,
      );
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
      found.push(
        `the page is wider than its window (${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth})`,
      );
    return found;
  }, skip);
}

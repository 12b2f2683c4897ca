/**
 * What a screen shown in the pseudo-locale (every message accented and a third longer) gives away:
 * text with Latin words that no message made, and boxes too narrow for longer translations.
 */
import type { Frame, Page } from 'playwright-core';

/**
 * Visible text with Latin words and none of the pseudo-locale's marks. People's own words (names,
 * titles, quotes) are isolated in bdi or dir=auto; dates, times and counts come from Intl.
 * `skip` names further elements whose text is not the interface's.
 */
export function plainText(page: Page | Frame, skip = ''): Promise<string[]> {
  return page.evaluate((skip) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!el || !/[A-Za-z]{3}/.test(text) || /[áéíöüçñýšž~]/i.test(text) || /\d/.test(text)) continue;
      if (el.closest(`bdi, [dir="auto"], option, script, style${skip ? `, ${skip}` : ''}`)) continue;
      if (!el.getClientRects().length) continue;
      found.push(text);
    }
    return found;
  }, skip);
}

/**
 * Visible elements whose content is wider than their box where nothing scrolls it into view: the
 * longer text is cut off or spills out. Form fields and scrolling boxes are left alone.
 */
export function clippedElements(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.matches('input, select, textarea, option, script, style, svg *') || !el.getClientRects().length) continue;
      const { overflowX } = getComputedStyle(el);
      if (overflowX === 'auto' || overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        found.push(`${name}: “${(el.textContent ?? '').trim().slice(0, 60)}” (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
      found.push(
        `the page is wider than its window (${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth})`,
      );
    return found;
  });
}

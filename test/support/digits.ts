/**
 * Latin digits (0–9) on a screen that should show Arabic-Indic ones (٠–٩): counts, dates and times
 * written by the tool for an Arabic reader. People's own words (names, titles, quoted passages,
 * addresses) are isolated in bdi or dir=auto, or quoted in a blockquote, and keep their digits.
 */
import type { Frame, Page } from 'playwright-core';

/** Visible text with Latin digits that the interface wrote. `skip` names further elements that are not the interface's. */
export function latinDigits(page: Page | Frame, skip = ''): Promise<string[]> {
  return page.evaluate((skip) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!el || !/[0-9]/.test(text)) continue;
      if (el.closest(`bdi, [dir="auto"], blockquote, q, code, script, style${skip ? `, ${skip}` : ''}`)) continue;
      if (!el.getClientRects().length) continue;
      found.push(text);
    }
    return found;
  }, skip);
}

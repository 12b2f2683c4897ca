/**
 * The toolbar badge: how many clips wait in the outbox (amber), or else how many clips the page
 * in the tab already holds (blue), as "4/5" when only four of them were found on it. The tooltip
 * always says both, in words ("4 of 5 clips found on this page").
 */
import { browser } from 'wxt/browser';
import { readQueue } from './queue.ts';
import { readAllPageStates, type PageState } from './page-state.ts';

const WAITING_COLOR = '#b45309';
const PAGE_COLOR = '#1d4ed8';
const NAME = 'Mentoring workspace';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** The badge for a tab, given the outbox length and the tab's page (if known). */
export function badgeFor(waiting: number, page: PageState | null): Badge {
  const onPage = page?.clips.length ?? 0;
  // A passage found only approximately is not counted as found.
  const found = page?.clips.filter((c) => page.found[c.id] === true).length ?? 0;
  const approximate = page?.clips.filter((c) => typeof page.found[c.id] === 'object').length ?? 0;
  const parts = [
    !onPage
      ? null
      : found === onPage
        ? count(onPage, 'clip on this page', 'clips on this page')
        : `${found} of ${count(onPage, 'clip', 'clips')} found on this page${approximate ? ` (${approximate} more only approximately)` : ''}`,
    waiting ? count(waiting, 'clip waiting to be sent', 'clips waiting to be sent') : null,
  ].filter(Boolean);
  return {
    text: waiting ? String(waiting) : !onPage ? '' : found === onPage ? String(onPage) : `${found}/${onPage}`,
    color: waiting ? WAITING_COLOR : PAGE_COLOR,
    title: parts.length ? `${NAME}: ${parts.join(', ')}` : NAME,
  };
}

async function show(badge: Badge, tabId?: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text, tabId }),
    browser.action.setBadgeBackgroundColor({ color: badge.color, tabId }),
    browser.action.setTitle({ title: badge.title, tabId }),
  ]);
}

/** Redraws the badge everywhere: globally (tabs without a known page) and for each known page. */
export async function renderBadge(): Promise<void> {
  const [queue, pages] = await Promise.all([readQueue(), readAllPageStates()]);
  await show(badgeFor(queue.length, null));
  await Promise.all(
    [...pages].map(([tabId, page]) => show(badgeFor(queue.length, page), tabId).catch(() => undefined)),
  );
}

/** Redraws one tab's badge, e.g. when its page is gone. */
export async function renderTabBadge(tabId: number, page: PageState | null): Promise<void> {
  const queue = await readQueue();
  await show(badgeFor(queue.length, page), tabId).catch(() => undefined);
}

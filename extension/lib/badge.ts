/**
 * The toolbar badge: how many clips wait in the outbox (amber), or else how many clips the page
 * in the tab already holds (blue), as "4/5" when only four of them were found on it. The tooltip
 * always says both, in words ("4 of 5 clips found on this page").
 */
import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
import { browser } from 'wxt/browser';
import { formatList } from '@mentoring/shared';
import { formatNumber } from './format.ts';
import { readQueue } from './queue.ts';
import { readAllPageStates, type PageState } from './page-state.ts';

const WAITING_COLOR = '#b45309';
const PAGE_COLOR = '#1d4ed8';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** What the page's clips are: all found, or how many were found (and how many only approximately). */
function pageWords(onPage: number, foundCount: number, approximateCount: number): string {
  // Named as the messages' placeholders, in the reader's digits.
  const found = formatNumber(foundCount);
  const approximate = formatNumber(approximateCount);
  if (foundCount === onPage) return plural(onPage, { one: '# clip on this page', other: '# clips on this page' });
  if (!approximateCount) {
    return plural(onPage, {
      one: `${found} of # clip found on this page`,
      other: `${found} of # clips found on this page`,
    });
  }
  return plural(onPage, {
    one: `${found} of # clip found on this page (${approximate} more only approximately)`,
    other: `${found} of # clips found on this page (${approximate} more only approximately)`,
  });
}

/** The badge for a tab, given the outbox length and the tab's page (if known). */
export function badgeFor(waiting: number, page: PageState | null): Badge {
  const onPage = page?.clips.length ?? 0;
  // A passage found only approximately is not counted as found.
  const found = page?.clips.filter((c) => page.found[c.id] === true).length ?? 0;
  const approximate = page?.clips.filter((c) => typeof page.found[c.id] === 'object').length ?? 0;
  const parts = [
    onPage ? pageWords(onPage, found, approximate) : null,
    waiting ? plural(waiting, { one: '# clip waiting to be sent', other: '# clips waiting to be sent' }) : null,
  ].filter((part): part is string => !!part);
  const details = formatList(parts, i18n.locale, 'unit', 'short');
  return {
    text: waiting
      ? formatNumber(waiting)
      : !onPage
        ? ''
        : found === onPage
          ? formatNumber(onPage)
          : `${formatNumber(found)}/${formatNumber(onPage)}`,
    color: waiting ? WAITING_COLOR : PAGE_COLOR,
    title: parts.length ? t`Mentoring workspace: ${details}` : t`Mentoring workspace`,
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

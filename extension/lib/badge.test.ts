import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, renderBadge } from './badge.ts';
import { savePageState, type PageState } from './page-state.ts';
import { enqueue } from './queue.ts';

const page = (clips: number): PageState => ({
  url: 'https://example.org/',
  ids: ['https://example.org/'],
  document: {},
  clips: Array.from({ length: clips }, (_, i) => ({ id: `c${i}` }) as PageState['clips'][number]),
  found: Object.fromEntries(Array.from({ length: clips }, (_, i) => [`c${i}`, true])),
  error: null,
});

beforeEach(() => fakeBrowser.reset());

describe('badge', () => {
  it('shows what waits in the outbox first, else the clips on the page; the tooltip says both', () => {
    expect(badgeFor(0, null)).toMatchObject({ text: '', title: 'Mentoring workspace' });
    expect(badgeFor(0, page(3))).toMatchObject({ text: '3', title: 'Mentoring workspace: 3 clips on this page' });
    expect(badgeFor(2, page(1))).toMatchObject({
      text: '2',
      title: 'Mentoring workspace: 1 clip on this page, 2 clips waiting to be sent',
    });
    expect(badgeFor(1, null).color).not.toBe(badgeFor(0, page(1)).color);
  });

  it('says how many of the page’s clips were found on it', () => {
    const five = { ...page(5), found: { c0: true, c1: true, c2: true, c3: true, c4: false } };
    expect(badgeFor(0, five)).toMatchObject({
      text: '4/5',
      title: 'Mentoring workspace: 4 of 5 clips found on this page',
    });
    expect(badgeFor(0, { ...page(1), found: {} })).toMatchObject({
      text: '0/1',
      title: 'Mentoring workspace: 0 of 1 clip found on this page',
    });
  });

  it('does not count a passage found only approximately as found', () => {
    const five = {
      ...page(5),
      found: { c0: true, c1: true, c2: true, c3: { approximate: 'a near-copy of it' }, c4: false },
    };
    expect(badgeFor(0, five)).toMatchObject({
      text: '3/5',
      title: 'Mentoring workspace: 3 of 5 clips found on this page (1 more only approximately)',
    });
  });

  it('draws the waiting count everywhere and page counts per tab', async () => {
    await savePageState(5, page(4));
    await renderBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('4');
    await enqueue('p', { id: 'a', url: 'https://example.org/', title: '', quote: 'q' });
    await renderBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
  });
});

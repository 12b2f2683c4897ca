import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { CLIP_MENU_ID, createClipMenu, onClipMenuClicked } from './clip-flow.ts';
import { readPickerInput } from './picker-handoff.ts';

beforeEach(() => {
  fakeBrowser.reset();
  // WXT's fake browser has no contextMenus.
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(CLIP_MENU_ID as never);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
});

async function openedPicker() {
  const create = vi.mocked(fakeBrowser.windows.create);
  const url = new URL(create.mock.calls.at(-1)![0]!.url as string);
  expect(url.pathname).toBe('/picker.html');
  return readPickerInput(url.searchParams.get('id')!);
}

describe('clipping from the context menu', () => {
  it('adds “Clip to mentoring workspace” for selections', async () => {
    await createClipMenu();
    expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith({
      id: CLIP_MENU_ID,
      title: 'Clip to mentoring workspace',
      contexts: ['selection'],
    });
  });

  it('opens the picker with the passage (here from a PDF, by the menu’s text)', async () => {
    vi.spyOn(fakeBrowser.windows, 'create');
    const tab = { id: 4, url: 'https://example.org/report.pdf', title: 'report.pdf', windowId: 1 } as Browser.tabs.Tab;
    await onClipMenuClicked(
      { menuItemId: CLIP_MENU_ID, editable: false, pageUrl: tab.url!, selectionText: 'A finding' },
      tab,
    );
    expect(fakeBrowser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup' }));
    expect(await openedPicker()).toEqual({
      capture: {
        quote: 'A finding',
        selectors: [],
        url: 'https://example.org/report.pdf',
        title: 'report.pdf',
        document: {},
        notice: null,
        tabId: 4,
      },
    });
  });

  it('opens the picker with the reason when the page cannot be clipped', async () => {
    vi.spyOn(fakeBrowser.windows, 'create');
    const tab = { id: 4, url: 'chrome://settings', windowId: 1 } as Browser.tabs.Tab;
    await onClipMenuClicked({ menuItemId: CLIP_MENU_ID, editable: false, pageUrl: tab.url!, selectionText: 'x' }, tab);
    expect(await openedPicker()).toEqual({ problem: expect.stringMatching(/cannot be clipped/) });
  });
});

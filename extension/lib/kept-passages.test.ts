import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Capture } from './capture.ts';
import { fileKept, keepPassage } from './kept-passages.ts';
import { readPickerInput } from './picker-handoff.ts';
import { handleRequest } from './requests.ts';
import { keptPassagesItem } from './stored.ts';

const capture: Capture = {
  quote: 'Listening is not waiting to speak.',
  selectors: [],
  url: 'https://example.org/listening',
  title: 'Listening before advising',
  document: {},
  notice: null,
  tabId: 3,
};

const fromExtension = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
} as Browser.runtime.MessageSender;

beforeEach(() => fakeBrowser.reset());

describe('passages kept for filing later', () => {
  it('keeps a passage once, in this browser', async () => {
    const first = await keepPassage(capture, 1);
    expect(await keepPassage({ ...capture }, 2)).toEqual(first);
    expect(await keptPassagesItem.getValue()).toEqual([{ id: first.id, capture, keptAt: 1 }]);
  });

  it('opens the picker with a kept passage, which says which kept passage it files', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const { id } = await keepPassage(capture);
    await fileKept(id);
    const pickerId = new URL(String(create.mock.calls[0]![0]!.url)).searchParams.get('id')!;
    expect(await readPickerInput(pickerId)).toEqual({ capture, keptId: id });
  });

  it('files and discards kept passages only at the request of the extension’s own pages', async () => {
    const { id } = await keepPassage(capture);
    const fromPage = { id: fakeBrowser.runtime.id, tab: { id: 3 }, frameId: 0, url: 'https://example.org/' };
    expect(handleRequest({ type: 'kept:discard', id }, fromPage as Browser.runtime.MessageSender)).toBeUndefined();
    expect(await keptPassagesItem.getValue()).toHaveLength(1);
    await handleRequest({ type: 'kept:discard', id }, fromExtension);
    expect(await keptPassagesItem.getValue()).toEqual([]);
    await expect(fileKept(id)).rejects.toThrow(/no longer kept/);
  });
});

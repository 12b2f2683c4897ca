import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue, makeAllDue, readQueue, removeQueued, updateQueued, type QueuedClip } from './queue.ts';

const body = (id: string): QueuedClip['body'] => ({
  id,
  url: 'https://example.org/a',
  title: 'A',
  quote: `quote ${id}`,
});

beforeEach(() => fakeBrowser.reset());

describe('queue', () => {
  it('keeps clips in extension storage, in order', async () => {
    await enqueue('p', body('a'), 1);
    await enqueue('p', body('b'), 2);
    expect((await readQueue()).map((c) => c.id)).toEqual(['a', 'b']);
    expect((await fakeBrowser.storage.local.get('outbox')).outbox).toHaveLength(2);
  });

  it('never holds the same clip twice', async () => {
    await enqueue('p', body('a'), 1);
    await enqueue('p', { ...body('a'), note: 'changed' }, 2);
    expect(await readQueue()).toEqual([expect.objectContaining({ id: 'a', queuedAt: 1, attempts: 0, held: false })]);
  });

  it('does not lose concurrent changes', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => enqueue('p', body(id))));
    await Promise.all([removeQueued('b'), updateQueued('c', { attempts: 3 })]);
    expect((await readQueue()).map((c) => [c.id, c.attempts])).toEqual([
      ['a', 0],
      ['c', 3],
      ['d', 0],
    ]);
  });

  it('survives a reload of the extension', async () => {
    await enqueue('p', body('a'));
    vi.resetModules();
    const reloaded = await import('./queue.ts');
    expect((await reloaded.readQueue()).map((c) => c.id)).toEqual(['a']);
  });

  it('makes every clip due again on "Retry now", held ones too', async () => {
    await enqueue('p', body('a'), 1);
    await updateQueued('a', { held: true, nextAttemptAt: 99 });
    await makeAllDue(50);
    expect(await readQueue()).toEqual([expect.objectContaining({ held: false, nextAttemptAt: 50 })]);
  });
});

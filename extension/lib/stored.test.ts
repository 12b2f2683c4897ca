import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** The outbox exactly as versions before its schema version stored it. */
const v1Outbox = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    partnershipId: 'p-1',
    body: {
      id: '00000000-0000-4000-8000-000000000001',
      url: 'https://example.org/reading?utm_source=mail#part-2',
      title: 'A reading',
      quote: 'passage one',
    },
    queuedAt: 1,
    attempts: 2,
    nextAttemptAt: 5,
    lastError: 'The mentoring tool could not be reached (Failed to fetch).',
    held: false,
  },
];

// Each test imports the modules afresh (after resetModules); under a loaded CI the first transform alone can take seconds.
describe('stored values', { timeout: 30_000 }, () => {
  it('migrates a stored v1 outbox to v2, keeping every clip and adding its page identities', async () => {
    await fakeBrowser.storage.local.set({ outbox: v1Outbox });
    const { outboxItem } = await import('./stored.ts');
    await outboxItem.migrate();
    const migrated = await outboxItem.getValue();
    expect(migrated).toEqual([{ ...v1Outbox[0], pageIds: ['https://example.org/reading'] }]);
    expect(await fakeBrowser.storage.local.get(['outbox', 'outbox$'])).toEqual({
      outbox: migrated,
      outbox$: { v: 2 },
    });
  });

  it('reads the outbox through the queue, migrated, after an update of the extension', async () => {
    await fakeBrowser.storage.local.set({ outbox: v1Outbox });
    const { readQueue } = await import('./queue.ts');
    expect(await readQueue()).toEqual([
      expect.objectContaining({ id: v1Outbox[0]!.id, attempts: 2, pageIds: ['https://example.org/reading'] }),
    ]);
  });

  it('starts an empty outbox at the current version', async () => {
    const { enqueue } = await import('./queue.ts');
    await enqueue('p-1', { id: 'a', url: 'https://example.org/a', title: '', quote: 'q' });
    expect((await fakeBrowser.storage.local.get('outbox$'))['outbox$']).toEqual({ v: 2 });
  });

  it('forgets every saved answer, and only those, on disconnect', async () => {
    await fakeBrowser.storage.local.set({ 'cache:p:partnerships': { data: [], savedAt: 1 }, lastPartnershipId: 'p-1' });
    const { forgetConnection } = await import('./connection.ts');
    await forgetConnection();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ lastPartnershipId: 'p-1' });
  });
});

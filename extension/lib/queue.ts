/**
 * The outbox: clips wait here, in `browser.storage.local`, from the moment they are saved until
 * the tool has stored them. Nothing else holds a clip, so closing the picker, losing the network,
 * a service worker restart or a browser restart never loses one.
 */
import { documentIdentities } from '@mentoring/shared';
import type { QueuedClip } from './outbox-schema.ts';
import { outboxItem } from './stored.ts';

export type { QueuedClip };

export function readQueue(): Promise<QueuedClip[]> {
  return outboxItem.getValue();
}

let writes: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time, so concurrent changes in this context never overwrite each other. */
function change(edit: (queue: QueuedClip[]) => QueuedClip[]): Promise<QueuedClip[]> {
  const next = writes.then(async () => {
    const queue = edit(await readQueue());
    await outboxItem.setValue(queue);
    return queue;
  });
  writes = next.catch(() => undefined);
  return next;
}

/** Adds a clip; a clip with the same id already waiting is kept as it is (no duplicate). */
export function enqueue(
  partnershipId: string,
  body: QueuedClip['body'],
  now = Date.now(),
  pageIds: string[] = documentIdentities({ url: body.url, ...body.document }),
): Promise<QueuedClip[]> {
  return change((queue) =>
    queue.some((c) => c.id === body.id)
      ? queue
      : [
          ...queue,
          {
            id: body.id,
            partnershipId,
            body,
            queuedAt: now,
            attempts: 0,
            nextAttemptAt: now,
            lastError: null,
            held: false,
            pageIds,
          },
        ],
  );
}

export function updateQueued(id: string, patch: Partial<Omit<QueuedClip, 'id'>>): Promise<QueuedClip[]> {
  return change((queue) => queue.map((c) => (c.id === id ? { ...c, ...patch } : c)));
}

export function removeQueued(id: string): Promise<QueuedClip[]> {
  return change((queue) => queue.filter((c) => c.id !== id));
}

/** Makes every waiting clip due now, including held ones ("Retry now"). */
export function makeAllDue(now = Date.now()): Promise<QueuedClip[]> {
  return change((queue) => queue.map((c) => ({ ...c, nextAttemptAt: now, held: false })));
}

/** Calls `listener` with the queue whenever it changes, in any part of the extension. */
export function onQueueChange(listener: (queue: QueuedClip[]) => void): () => void {
  return outboxItem.watch(listener);
}

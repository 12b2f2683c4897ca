/** The outbox's stored shapes across versions, and the migrations between them. */
import { documentIdentities } from '@mentoring/shared';
import type { QueuedClip } from './queue.ts';

/** v1: the outbox as kept before it had a schema version (no page identities). */
export type QueuedClipV1 = Omit<QueuedClip, 'pageIds'>;

/** v1 → v2: each clip gets the identities of its page, as far as its address tells them. */
export function migrateOutboxV1(v1: QueuedClipV1[]): QueuedClip[] {
  return v1.map((clip) => ({ ...clip, pageIds: documentIdentities({ url: clip.body.url }) }));
}

/** The outbox's stored shapes across versions, and the migrations between them. */
import { documentIdentities, type CreateClip } from '@mentoring/shared';

/** A clip in the outbox (v2). */
export interface QueuedClip {
  /** Made here (`crypto.randomUUID()`), and the clip's id on the tool: a resend is harmless. */
  id: string;
  partnershipId: string;
  body: CreateClip & { id: string };
  queuedAt: number;
  attempts: number;
  /** When to try again (ms since epoch). */
  nextAttemptAt: number;
  lastError: string | null;
  /** The tool refused this clip (not a passing failure): it waits for the clipper to retry or discard it. */
  held: boolean;
  /** The identities of the clip's page (`documentIdentities`), whose open tabs show it once sent. */
  pageIds: string[];
}

/** v1: the outbox as kept before it had a schema version (no page identities). */
export type QueuedClipV1 = Omit<QueuedClip, 'pageIds'>;

/** v1 → v2: each clip gets the identities of its page, as far as its address tells them. */
export function migrateOutboxV1(v1: QueuedClipV1[]): QueuedClip[] {
  return v1.map((clip) => ({ ...clip, pageIds: documentIdentities({ url: clip.body.url }) }));
}

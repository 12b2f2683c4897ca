/**
 * Sending the outbox to the tool: oldest first, removing a clip only once the tool has answered
 * 200/201. Passing failures (offline, 5xx, 429) are retried with exponential backoff on a
 * `browser.alarms` alarm, which outlives service worker and browser restarts; a 401 signs the
 * browser out and keeps every clip; a refusal (400, 403, 404) holds that clip for the clipper.
 */
import { browser } from 'wxt/browser';
import { ApiError } from '@mentoring/shared';
import { outboxStatusItem } from './stored.ts';
import { readQueue, removeQueued, updateQueued, type QueuedClip } from './queue.ts';
import { describeError } from './problems.ts';
import { callTool, NotConnectedError } from './tool.ts';

export const OUTBOX_ALARM = 'outbox';
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/** Wait before attempt number `attempts + 1`: 30 s, 1 min, 2 min, … up to 30 min. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Why clips are waiting, for the popup. */
export type OutboxState = 'ok' | 'offline' | 'tool-error' | 'signed-out' | 'not-connected';

export interface OutboxStatus {
  state: OutboxState;
  /** The last error's message, as the tool or the browser gave it. */
  message: string | null;
  at: number;
}

export interface FlushResult {
  sent: QueuedClip[];
  status: OutboxStatus | null;
}

let running: Promise<FlushResult> | null = null;
let again = false;

/** Sends what is due. Calls made while a send is running are folded into one more round after it. */
export function flushOutbox(): Promise<FlushResult> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    const result: FlushResult = { sent: [], status: null };
    do {
      again = false;
      const round = await sendDue(Date.now());
      result.sent.push(...round.sent);
      result.status = round.status ?? result.status;
    } while (again);
    return result;
  })().finally(() => {
    running = null;
  });
  return running;
}

async function sendDue(now: number): Promise<FlushResult> {
  const due = (await readQueue())
    .filter((c) => !c.held && c.nextAttemptAt <= now)
    .sort((a, b) => a.queuedAt - b.queuedAt);
  const sent: QueuedClip[] = [];
  let status: OutboxStatus | null = null;
  for (const [i, clip] of due.entries()) {
    try {
      await callTool((api) => api.createClip({ params: { id: clip.partnershipId }, body: clip.body }));
      await removeQueued(clip.id);
      sent.push(clip);
      continue;
    } catch (err) {
      const message = describeError(err);
      if (err instanceof NotConnectedError || (err instanceof ApiError && err.status === 401)) {
        status = {
          state: err instanceof NotConnectedError && !err.signedOut ? 'not-connected' : 'signed-out',
          message,
          at: now,
        };
        break;
      }
      if (err instanceof ApiError && err.retryable) {
        // The tool is unreachable or unwell for every clip: try them all again after the backoff.
        const attempts = clip.attempts + 1;
        const retryAt = now + retryDelay(attempts);
        await updateQueued(clip.id, { attempts, nextAttemptAt: retryAt, lastError: message });
        for (const later of due.slice(i + 1)) await updateQueued(later.id, { nextAttemptAt: retryAt });
        status = { state: err.code === 'network' ? 'offline' : 'tool-error', message, at: now };
        break;
      }
      await updateQueued(clip.id, { attempts: clip.attempts + 1, held: true, lastError: message });
      status = { state: 'tool-error', message, at: now };
    }
  }
  if (!status && due.length > 0) status = { state: 'ok', message: null, at: now };
  if (status) await outboxStatusItem.setValue(status);
  await scheduleRetry(status?.state);
  return { sent, status };
}

/** One alarm at the earliest retry time; none while signed out (reconnecting sends the outbox). */
async function scheduleRetry(state: OutboxState | undefined): Promise<void> {
  const waiting = (await readQueue()).filter((c) => !c.held);
  if (waiting.length === 0 || state === 'signed-out' || state === 'not-connected') {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const when = Math.min(...waiting.map((c) => c.nextAttemptAt));
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1_000) });
}

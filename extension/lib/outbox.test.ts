import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Me } from '@mentoring/shared';
import { readConnection, saveConnection } from './connection.ts';
import { enqueue, readQueue, type QueuedClip } from './queue.ts';

const ME: Me = {
  person: { id: 'p-mentee', name: 'Mina Mentee', email: null },
  program: { id: 'prog', title: 'New leaders 2025', label: null, platformName: null },
  programRole: 'participant',
  locale: 'en',
  chosenLocale: null,
};

const clipBody = (n: number): QueuedClip['body'] => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  url: 'https://example.org/reading',
  title: 'A reading',
  quote: `passage ${n}`,
});

type Answer = { status: number; body?: unknown } | 'offline';

/** The tool, as seen through `fetch`: answers each request with the next scripted answer. */
function tool(...answers: Answer[]) {
  const calls: Array<{ method: string; url: string; body: unknown; auth: string | null }> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({
      method: init.method!,
      url,
      body: init.body ? JSON.parse(init.body as string) : undefined,
      auth: new Headers(init.headers).get('authorization'),
    });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const created = { status: 201, body: { id: 'x' } };

// Transforms the module graph once, so the first test's fresh import is not slower than the rest.
beforeAll(() => import('./outbox.ts'));

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: new Date('2025-03-01T09:00:00Z'), toFake: ['Date'] });
  await saveConnection({ toolUrl: 'https://tool.test', token: 'secret-token', me: ME, connectionId: 'conn-1' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function freshOutbox() {
  // A new module instance, as after a service worker or browser restart; storage is kept.
  vi.resetModules();
  return import('./outbox.ts');
}

describe('outbox', () => {
  it('sends a clip with the token to its partnership and removes it only after the tool stored it', async () => {
    const calls = tool(created);
    const { flushOutbox } = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    const { sent, status } = await flushOutbox();
    expect(sent.map((c) => c.id)).toEqual([clipBody(1).id]);
    expect(calls).toEqual([
      {
        method: 'POST',
        url: 'https://tool.test/api/partnerships/part-1/clips',
        body: clipBody(1),
        auth: 'Bearer secret-token',
      },
    ]);
    expect(await readQueue()).toEqual([]);
    expect(status?.state).toBe('ok');
    expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined();
  });

  it('keeps clips while offline and retries them with exponential backoff on an alarm', async () => {
    tool('offline');
    const { flushOutbox, retryDelay } = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    await enqueue('part-1', clipBody(2));
    const t0 = Date.now();

    const first = await flushOutbox();
    expect(first.status).toMatchObject({ state: 'offline', message: expect.stringMatching(/could not be reached/) });
    let queue = await readQueue();
    expect(queue.map((c) => [c.attempts, c.nextAttemptAt - t0])).toEqual([
      [1, 30_000],
      [0, 30_000], // not tried: the tool is unreachable for every clip
    ]);
    expect((await fakeBrowser.alarms.get('outbox'))?.scheduledTime).toBe(t0 + 30_000);

    // Not due yet: nothing is tried.
    await flushOutbox();
    expect((await readQueue())[0]!.attempts).toBe(1);

    vi.setSystemTime(t0 + 30_000);
    await flushOutbox();
    queue = await readQueue();
    expect(queue[0]!.attempts).toBe(2);
    expect(queue[0]!.nextAttemptAt - Date.now()).toBe(60_000);
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([30_000, 60_000, 120_000, 240_000, 1_800_000]);
  });

  it('sends waiting clips after a restart when the alarm fires, oldest first', async () => {
    tool('offline');
    let outbox = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    await enqueue('part-2', clipBody(2));
    await outbox.flushOutbox();
    expect(await readQueue()).toHaveLength(2);

    const calls = tool(created);
    outbox = await freshOutbox();
    vi.setSystemTime(Date.now() + 31_000);
    const { sent } = await outbox.flushOutbox();
    expect(sent.map((c) => c.partnershipId)).toEqual(['part-1', 'part-2']);
    expect(calls.map((c) => c.url)).toEqual([
      'https://tool.test/api/partnerships/part-1/clips',
      'https://tool.test/api/partnerships/part-2/clips',
    ]);
    expect(await readQueue()).toEqual([]);
  });

  it('signs out on 401 and keeps every clip, without retrying until connected again', async () => {
    tool({ status: 401, body: { error: { code: 'unauthenticated', message: 'This browser connection was revoked' } } });
    const { flushOutbox } = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    const { status } = await flushOutbox();
    expect(status).toMatchObject({ state: 'signed-out', message: 'This browser connection was revoked' });
    expect(await readQueue()).toHaveLength(1);
    expect(await readConnection()).toMatchObject({
      token: null,
      signedOutReason: 'This browser connection was revoked',
      me: ME,
    });
    expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined();

    const again = await flushOutbox();
    expect(again.status?.state).toBe('signed-out');
  });

  it('holds a clip the tool refuses and goes on with the others', async () => {
    tool(
      { status: 403, body: { error: { code: 'forbidden', message: 'You are not a member of this partnership' } } },
      created,
    );
    const { flushOutbox } = await freshOutbox();
    await enqueue('gone', clipBody(1));
    await enqueue('part-1', clipBody(2));
    const { sent, status } = await flushOutbox();
    expect(sent.map((c) => c.id)).toEqual([clipBody(2).id]);
    expect(status).toMatchObject({ state: 'tool-error' });
    expect(await readQueue()).toEqual([
      expect.objectContaining({
        id: clipBody(1).id,
        held: true,
        lastError: 'You are not a member of this partnership',
      }),
    ]);
  });

  it('treats 5xx and 429 as passing failures', async () => {
    tool({ status: 503, body: { error: { code: 'internal', message: 'Down for maintenance' } } });
    const { flushOutbox } = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    const { status } = await flushOutbox();
    expect(status).toMatchObject({ state: 'tool-error', message: 'Down for maintenance' });
    expect(await readQueue()).toEqual([expect.objectContaining({ held: false, attempts: 1 })]);
  });

  it('folds concurrent sends into one, so no clip is posted twice at the same time', async () => {
    const calls = tool(created);
    const { flushOutbox } = await freshOutbox();
    await enqueue('part-1', clipBody(1));
    await Promise.all([flushOutbox(), flushOutbox(), flushOutbox()]);
    expect(calls).toHaveLength(1);
  });
});

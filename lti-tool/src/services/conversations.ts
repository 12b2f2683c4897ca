/**
 * Conversations: either partner schedules one and writes the shared notes; the agenda is the
 * mentee's (docs/design.md, principle 1); each member's private note is theirs alone; commitments made in one are
 * carried into the next until done, as actions on the goal they serve (docs/design.md, principle 6).
 */
import {
  canSetAgenda,
  defaultHeldAt,
  heldAtProblem,
  type AgendaItem,
  type Commitment,
  type Conversation,
  type CreateCommitment,
  type CreateConversation,
  type UpdateConversation,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import {
  commitmentsDueOf,
  conversationsOf,
  deleteConversationRow,
  findCommitment,
  findConversation,
  hasPrivateNotes,
  insertCommitment,
  insertConversation,
  setCommitmentDone,
  updateConversationRow,
  writePrivateNote,
} from '../models/conversations.ts';
import { findAction } from '../models/goals.ts';
import type { StoredPartnership } from '../models/partnerships.ts';
import { conflict, forbidden, invalid, notFound } from './errors.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import { requireInPartnership, type Reference } from './references.ts';
import { addActionTo, setActionDone } from './goals.ts';
import type { App } from './app.ts';
import { notifyPartnership } from './notifications.ts';

export async function conversationsFor(app: App, principal: Principal, partnershipId: string): Promise<Conversation[]> {
  await readablePartnership(app, principal, partnershipId);
  return conversationsOf(app.sql, partnershipId, principal.personId);
}

/** Only the mentee sets the agenda, and every goal, clip and prompt on it must be of this partnership. */
async function checkAgenda(app: App, p: StoredPartnership, principal: Principal, agenda: AgendaItem[]) {
  if (!canSetAgenda(p, principal.personId)) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.conversations.agenda-mentee-only',
        message:
          'The agenda is the mentee’s: the mentee decides what each conversation is about. Suggest a topic with a reflection prompt.',
      },
    );
  }
  const refs = agenda.flatMap((item, i): Reference[] => {
    switch (item.kind) {
      case 'goal':
        return [{ kind: 'goal', id: item.goalId, field: `agenda.${i}.goalId` }];
      case 'clip':
        return [{ kind: 'clip', id: item.clipId, field: `agenda.${i}.clipId` }];
      case 'prompt':
        return [{ kind: 'prompt', id: item.promptId, field: `agenda.${i}.promptId` }];
      case 'free':
        return [];
    }
  });
  await requireInPartnership(app.sql, p.id, refs);
}

export async function scheduleConversation(
  app: App,
  principal: Principal,
  partnershipId: string,
  body: CreateConversation,
): Promise<Conversation> {
  const p = await writablePartnership(app, principal, partnershipId);
  const agenda = body.agenda ?? [];
  if (agenda.length) await checkAgenda(app, p, principal, agenda);
  const id = await app.sql.tx(async (sql) => {
    const made = await insertConversation(
      sql,
      {
        partnershipId,
        scheduledFor: Date.parse(body.scheduledFor),
        agenda,
        durationMinutes: body.durationMinutes ?? 60,
        place: body.place ?? '',
        videoUrl: body.videoUrl ?? null,
        timeZone: body.timeZone ?? null,
      },
      app.clock.now(),
    );
    // A conversation noted afterwards (its time has passed) waits for nobody.
    if (Date.parse(body.scheduledFor) > app.clock.now())
      await notifyPartnership(app, sql, {
        partnershipId,
        event: { kind: 'conversation-scheduled', actorId: principal.personId },
        data: { when: new Date(Date.parse(body.scheduledFor)).toISOString() },
      });
    return made;
  });
  return (await findConversation(app.sql, id, principal.personId))!;
}

async function writableConversation(
  app: App,
  principal: Principal,
  id: string,
): Promise<{ conversation: Conversation; partnership: StoredPartnership }> {
  const conversation = await findConversation(app.sql, id, principal.personId);
  if (!conversation) throw notFound('The conversation');
  return {
    conversation,
    partnership: await writablePartnership(app, principal, conversation.partnershipId, 'The conversation'),
  };
}

const STALE = /*i18n*/ {
  id: 'refusal.conversations.changed-meanwhile',
  message:
    'Your partner changed this while you were editing. Here is their version; what you typed is kept so you can add it again.',
};

/**
 * Time, place and shared notes for both; the private note is the caller's own. Marking it held
 * takes the date the person gives (never later than now), else the scheduled time when that has
 * passed (partners often note it afterwards), else now (it came early).
 */
export async function changeConversation(
  app: App,
  principal: Principal,
  id: string,
  body: UpdateConversation,
): Promise<Conversation> {
  const { conversation } = await writableConversation(app, principal, id);
  const now = app.clock.now();
  const scheduled = body.scheduledFor ?? conversation.scheduledFor;
  if (body.heldAt !== undefined) {
    if (heldAtProblem(body.heldAt, now))
      throw invalid(
        /*i18n*/ {
          id: 'refusal.conversations.held-later-than-now',
          message: '{field}: must not be later than now.',
          values: { field: 'heldAt' },
        },
        'heldAt',
      );
    if (body.held === false)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.conversations.not-held-with-date',
          message: '{field}: a conversation marked not held has no held date.',
          values: { field: 'heldAt' },
        },
        'heldAt',
      );
  }
  const heldAt =
    body.heldAt !== undefined
      ? Date.parse(body.heldAt)
      : body.held === undefined
        ? undefined
        : body.held
          ? conversation.heldAt
            ? Date.parse(conversation.heldAt)
            : defaultHeldAt(scheduled, now).getTime()
          : null;
  const changed = await app.sql.tx(async (sql) => {
    const n = await updateConversationRow(
      sql,
      id,
      {
        scheduledFor: body.scheduledFor === undefined ? undefined : Date.parse(body.scheduledFor),
        sharedNotes: body.sharedNotes,
        heldAt,
        durationMinutes: body.durationMinutes,
        place: body.place,
        videoUrl: body.videoUrl,
        timeZone: body.timeZone,
      },
      now,
      body.version,
    );
    if (n && body.privateNote !== undefined) await writePrivateNote(sql, id, principal.personId, body.privateNote, now);
    const moved =
      body.scheduledFor !== undefined && Date.parse(body.scheduledFor) !== Date.parse(conversation.scheduledFor);
    if (n && moved && !conversation.heldAt && Date.parse(body.scheduledFor!) > now)
      await notifyPartnership(app, sql, {
        partnershipId: conversation.partnershipId,
        event: { kind: 'conversation-moved', actorId: principal.personId },
        data: { when: new Date(Date.parse(body.scheduledFor!)).toISOString() },
      });
    return n;
  });
  if (!changed) throw conflict(STALE);
  return (await findConversation(app.sql, id, principal.personId))!;
}

/**
 * Either partner cancels a conversation that has not been held. It is removed rather than kept
 * marked cancelled: partners expect a cancelled meeting gone from their plans, reminders and
 * calendar feeds, and the notice tells the other partner which one it was. One holding notes or
 * commitments is refused (move it instead), so nobody's writing is lost by a partner's click.
 */
export async function cancelConversation(app: App, principal: Principal, id: string): Promise<{ ok: true }> {
  const { conversation } = await writableConversation(app, principal, id);
  if (conversation.heldAt)
    throw conflict(
      /*i18n*/ {
        id: 'refusal.conversations.cancel-held',
        message: 'This conversation was held; a held conversation cannot be cancelled.',
      },
    );
  if (conversation.sharedNotes || conversation.commitments.length || (await hasPrivateNotes(app.sql, id)))
    throw conflict(
      /*i18n*/ {
        id: 'refusal.conversations.cancel-written',
        message: 'Notes or commitments were written for this conversation; move it to another time instead.',
      },
    );
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    if (!(await deleteConversationRow(sql, id))) throw conflict(STALE);
    if (Date.parse(conversation.scheduledFor) > now)
      await notifyPartnership(app, sql, {
        partnershipId: conversation.partnershipId,
        event: { kind: 'conversation-cancelled', actorId: principal.personId },
        data: { when: conversation.scheduledFor },
      });
  });
  return { ok: true };
}

export async function setAgenda(
  app: App,
  principal: Principal,
  id: string,
  agenda: AgendaItem[],
  version?: number,
): Promise<Conversation> {
  const { partnership } = await writableConversation(app, principal, id);
  await checkAgenda(app, partnership, principal, agenda);
  if (!(await updateConversationRow(app.sql, id, { agenda }, app.clock.now(), version))) throw conflict(STALE);
  return (await findConversation(app.sql, id, principal.personId))!;
}

/** Either partner records a commitment; linked to a goal it also becomes one of the goal's actions. */
export async function addCommitment(
  app: App,
  principal: Principal,
  id: string,
  body: CreateCommitment,
): Promise<Conversation> {
  const { conversation } = await writableConversation(app, principal, id);
  const goalId = body.goalId ?? null;
  const dueOn = body.dueOn ?? null;
  await requireInPartnership(app.sql, conversation.partnershipId, [{ kind: 'goal', id: goalId, field: 'goalId' }]);
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    const actionId = goalId
      ? await addActionTo(
          sql,
          goalId,
          principal.personId,
          { text: body.text, dueOn, fromConversationId: id },
          now,
          conversation.scheduledFor,
        )
      : null;
    await insertCommitment(sql, { conversationId: id, text: body.text, goalId, dueOn, actionId }, now);
  });
  return (await findConversation(app.sql, id, principal.personId))!;
}

/** Either partner marks a commitment done; the goal action it became follows. */
export async function completeCommitment(
  app: App,
  principal: Principal,
  id: string,
  done: boolean | undefined,
): Promise<Commitment> {
  const commitment = await findCommitment(app.sql, id);
  if (!commitment) throw notFound('The commitment');
  await writablePartnership(app, principal, commitment.partnershipId, 'The commitment');
  const { partnershipId: _p, ...answer } = commitment;
  if (done === undefined || commitment.done === done) return answer;
  const action = commitment.actionId ? await findAction(app.sql, commitment.actionId) : undefined;
  await app.sql.tx(async (sql) => {
    if (action && action.done !== done)
      await setActionDone(sql, action.goalId, action, done, principal.personId, app.clock.now());
    else await setCommitmentDone(sql, id, done);
  });
  return { ...answer, done };
}

export async function commitmentsDue(app: App, principal: Principal, partnershipId: string): Promise<Commitment[]> {
  await readablePartnership(app, principal, partnershipId);
  return commitmentsDueOf(app.sql, partnershipId);
}

/**
 * A member's download of their partnership, as JSON or Markdown: everything they may see in it
 * (their own private notes, nobody else's), so the work stays theirs after the program ends.
 */
import type { I18n } from '@lingui/core';
import {
  DEFAULT_AGREEMENT,
  exportFileName,
  formatDocumentDay,
  formatTime,
  type AgendaItem,
  type Agreement,
  type Checkpoint,
  type CheckpointEvaluation,
  type Clip,
  type Conversation,
  type Goal,
  type MemberRole,
  type Partnership,
  type Prompt,
  type ResourceRequest,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { goalChangeText } from '../i18n/history.ts';
import { serverI18n } from '../i18n/server.ts';
import { conversationsOf } from '../models/conversations.ts';
import { checkpointsOf, evaluationsOfPartnership } from '../models/evaluations.ts';
import { allClipsOf } from '../models/exports.ts';
import { goalsOfPartnership } from '../models/goals.ts';
import { publicPartnership } from '../models/partnerships.ts';
import { promptsOf } from '../models/prompts.ts';
import { requestsOf } from '../models/requests.ts';
import { readablePartnership } from './access.ts';
import { autolink, heading, md, paragraphs, quote, table, trustedMarkdown, type SafeMarkdown } from './markdown.ts';
import type { App } from './app.ts';
import type { Reader } from './me.ts';

export interface PartnershipExport {
  exportedAt: string;
  exportedBy: { id: string; name: string };
  partnership: Partnership;
  goals: Goal[];
  clips: Clip[];
  prompts: Prompt[];
  /** Each with the exporting member's own private note only. */
  conversations: Conversation[];
  requests: ResourceRequest[];
  /** The separate evaluation record (docs/design.md, principle 3), with the checkpoints it refers to. */
  evaluations: CheckpointEvaluation[];
  checkpoints: Checkpoint[];
}

export async function partnershipExport(
  app: App,
  principal: Principal,
  partnershipId: string,
): Promise<PartnershipExport> {
  const p = await readablePartnership(app, principal, partnershipId);
  const [goals, clips, prompts, conversations, requests, evaluations, checkpoints] = await Promise.all([
    goalsOfPartnership(app.sql, p.id),
    allClipsOf(app.sql, p.id),
    promptsOf(app.sql, p.id),
    conversationsOf(app.sql, p.id, principal.personId),
    requestsOf(app.sql, p.id),
    evaluationsOfPartnership(app.sql, p.id),
    checkpointsOf(app.sql, p.programId),
  ]);
  const used = new Set(evaluations.map((e) => e.checkpointId));
  return {
    exportedAt: new Date(app.clock.now()).toISOString(),
    exportedBy: { id: principal.personId, name: p.members.find((m) => m.personId === principal.personId)?.name ?? '' },
    partnership: publicPartnership(p),
    goals,
    clips,
    prompts,
    conversations,
    requests,
    evaluations,
    checkpoints: checkpoints.filter((c) => used.has(c.id)),
  };
}

/** E.g. `mentoring-marcus-delgado-hannah-kowalski-2026-11-23.md` (the shared rule). */
export function exportFilename(e: PartnershipExport, extension: 'md' | 'json'): string {
  return exportFileName(e.partnership, extension, e.exportedAt);
}

const box = (done: boolean) => trustedMarkdown(done ? '[x]' : '[ ]');

/** The export as Markdown in the reader's language, every piece of people's text escaped by the Markdown writer. */
export function exportMarkdown(e: PartnershipExport, reader: Reader = { locale: 'en', timeZone: 'UTC' }): string {
  const i18n = serverI18n(reader.locale);
  const day = (iso: string | null) => formatDocumentDay(iso, reader.locale, reader.timeZone);
  const when = (iso: string) => formatTime(iso, reader.locale, reader.timeZone);
  const p = e.partnership;
  // Looked up by id once per item, not searched for: an export of thousands of clips stays linear.
  const names = new Map(p.members.map((m) => [m.personId, m.name]));
  const goals = new Map(e.goals.map((g) => [g.id, g.title]));
  const clips = new Map(e.clips.map((c) => [c.id, c]));
  const prompts = new Map(e.prompts.map((q) => [q.id, q.question]));
  const checkpoints = new Map(e.checkpoints.map((c) => [c.id, c.name]));
  const formerMember = i18n._({ id: 'export.former-member', message: 'a former member' });
  const goneGoal = i18n._({ id: 'export.goal-gone', message: 'a goal no longer here' });
  const name = (id: string | null) => (id === null ? undefined : names.get(id)) ?? formerMember;
  const goalTitle = (id: string | null) => (id === null ? undefined : goals.get(id)) ?? goneGoal;
  const role = (r: MemberRole) =>
    i18n._({
      id: 'export.role',
      message: '{role, select, mentor {mentor} mentee {mentee} other {partner}}',
      values: { role: r },
    });
  const out: (SafeMarkdown | '')[] = [];
  const section = (title: string, empty: boolean, emptyText: string) => {
    out.push('', heading(2, title), '');
    if (empty) out.push(md`_${emptyText}_`);
    return !empty;
  };
  // A list of names or tags, with the language's own comma ("、" in Chinese, "،" in Arabic).
  const list = (items: string[]) => items.join(i18n._({ id: 'export.separator', message: ', ' }));
  const members = list(p.members.map((m) => `${m.name} (${role(m.role)})`));
  const by = e.exportedBy.name;
  const status = i18n._({
    id: 'export.partnership-status',
    message: '{status, select, invited {invited} active {active} paused {paused} declined {declined} other {closed}}',
    values: { status: p.status },
  });
  const none = '—';
  const agreement = shownAgreement(i18n, p.agreement);

  out.push(
    heading(
      1,
      i18n._({
        id: 'export.title',
        message: '{kind, select, mentoring {Mentoring partnership} other {Collegial partnership}}: {members}',
        values: { kind: p.kind, members },
      }),
    ),
    '',
    md`${i18n._({
      id: 'export.exported',
      message:
        'Exported {when} by {name}. Confidential to the members of this partnership; private notes in it are {name}’s own.',
      values: { when: when(e.exportedAt), name: by },
    })}`,
    '',
    md`${
      p.closedAt
        ? i18n._({
            id: 'export.status-closed',
            message: 'Status: {status} · formed {formed} · closed {closed}',
            values: { status, formed: day(p.createdAt), closed: day(p.closedAt) },
          })
        : i18n._({
            id: 'export.status',
            message: 'Status: {status} · formed {formed}',
            values: { status, formed: day(p.createdAt) },
          })
    }`,
    '',
    heading(2, i18n._({ id: 'export.agreement', message: 'Agreement' })),
    '',
    md`**${i18n._({ id: 'export.purpose', message: 'Purpose:' })}** ${p.agreement.purpose || none}`,
    '',
    md`**${i18n._({ id: 'export.cadence', message: 'Meeting cadence:' })}** ${agreement.meetingCadence || none}`,
    '',
    md`**${i18n._({ id: 'export.confidentiality', message: 'Confidentiality:' })}** ${agreement.confidentiality || none}`,
  );

  const goalsTitle = i18n._({ id: 'export.goals', message: 'Goals' });
  if (section(goalsTitle, !e.goals.length, i18n._({ id: 'export.no-goals', message: 'No goals yet.' }))) {
    for (const g of e.goals) {
      const goalStatus = i18n._({
        id: 'export.goal-status',
        message: '{status, select, active {active} achieved {achieved} other {parked}}',
        values: { status: g.status },
      });
      out.push(
        heading(3, `${g.title} (${goalStatus})`),
        '',
        md`${
          g.coachId
            ? i18n._({
                id: 'export.owner-coach',
                message: 'Owner: {owner} · coach: {coach}',
                values: { owner: name(g.ownerId), coach: name(g.coachId) },
              })
            : i18n._({ id: 'export.owner', message: 'Owner: {owner}', values: { owner: name(g.ownerId) } })
        }`,
      );
      if (g.why) out.push('', md`**${i18n._({ id: 'export.why', message: 'Why it matters:' })}** ${g.why}`);
      if (g.success)
        out.push(
          '',
          md`**${i18n._({ id: 'export.success', message: 'What success would look like:' })}** ${g.success}`,
        );
      if (g.actions.length) {
        out.push('', md`**${i18n._({ id: 'export.actions', message: 'Actions' })}**`, '');
        for (const a of g.actions)
          out.push(
            md`- ${box(a.done)} ${a.text}${dueAndDone(i18n, a.dueOn && day(a.dueOn), a.doneAt && day(a.doneAt))}`,
          );
      }
      out.push('', md`**${i18n._({ id: 'export.history', message: 'History' })}**`, '');
      for (const h of g.history) {
        const change = h.event ? goalChangeText(i18n, h.event, reader.locale, reader.timeZone) : h.change;
        out.push(md`- ${day(h.at)} ${name(h.byId)} ${change}`);
      }
      out.push('');
    }
  }

  const agendaLine = (item: AgendaItem) => {
    switch (item.kind) {
      case 'goal':
        return i18n._({
          id: 'export.agenda-goal',
          message: 'Goal: {title}',
          values: { title: goalTitle(item.goalId) },
        });
      case 'clip': {
        const clip = clips.get(item.clipId);
        return i18n._({
          id: 'export.agenda-clip',
          message: 'Clip: {quote}',
          values: {
            quote: clip
              ? `“${clip.quote.slice(0, 120)}${clip.quote.length > 120 ? '…' : ''}”`
              : i18n._({ id: 'export.clip-gone', message: 'a clip no longer here' }),
          },
        });
      }
      case 'prompt':
        return i18n._({
          id: 'export.agenda-prompt',
          message: 'Prompt: {question}',
          values: {
            question:
              prompts.get(item.promptId) ?? i18n._({ id: 'export.prompt-gone', message: 'a prompt no longer here' }),
          },
        });
      case 'free':
        return item.text;
    }
  };
  const conversationsTitle = i18n._({ id: 'export.conversations', message: 'Conversations' });
  if (
    section(
      conversationsTitle,
      !e.conversations.length,
      i18n._({ id: 'export.no-conversations', message: 'No conversations yet.' }),
    )
  ) {
    for (const c of e.conversations) {
      const held = c.heldAt
        ? i18n._({ id: 'export.held', message: '(held {day})', values: { day: day(c.heldAt) } })
        : i18n._({ id: 'export.not-held', message: '(not held yet)' });
      out.push(heading(3, `${when(c.scheduledFor)} ${held}`), '');
      if (c.agenda.length)
        out.push(
          md`**${i18n._({ id: 'export.agenda', message: 'Agenda' })}**`,
          '',
          ...c.agenda.map((item, i) => md`${trustedMarkdown(`${i + 1}.`)} ${agendaLine(item)}`),
          '',
        );
      if (c.sharedNotes)
        out.push(
          md`**${i18n._({ id: 'export.shared-notes', message: 'Shared notes' })}**`,
          '',
          paragraphs(c.sharedNotes),
          '',
        );
      if (c.privateNote)
        out.push(
          md`**${i18n._({ id: 'export.private-note', message: '{name}’s private note', values: { name: by } })}**`,
          '',
          paragraphs(c.privateNote),
          '',
        );
      if (c.commitments.length) {
        out.push(md`**${i18n._({ id: 'export.commitments', message: 'Commitments' })}**`, '');
        for (const m of c.commitments) {
          const goal = m.goalId
            ? ` ${i18n._({ id: 'export.commitment-goal', message: '(goal: {title})', values: { title: goalTitle(m.goalId) } })}`
            : '';
          out.push(md`- ${box(m.done)} ${m.text}${goal}${dueAndDone(i18n, m.dueOn && day(m.dueOn), null)}`);
        }
        out.push('');
      }
    }
  }

  const promptsTitle = i18n._({ id: 'export.prompts', message: 'Reflection prompts' });
  if (section(promptsTitle, !e.prompts.length, i18n._({ id: 'export.no-prompts', message: 'No prompts yet.' }))) {
    for (const q of e.prompts) {
      const promptStatus = i18n._({
        id: 'export.prompt-status',
        message: '{status, select, open {open} answered {answered} other {discussed}}',
        values: { status: q.status },
      });
      out.push(
        heading(3, q.question),
        '',
        md`${i18n._({
          id: 'export.asked-status',
          message: 'Asked by {name} on {day} · {status}',
          values: { name: name(q.authorId), day: day(q.createdAt), status: promptStatus },
        })}`,
      );
      if (q.response)
        out.push(
          '',
          quote(q.response),
          '',
          md`${i18n._({ id: 'export.responded', message: 'Responded {day}', values: { day: day(q.respondedAt) } })}`,
        );
      out.push('');
    }
  }

  const clipsTitle = i18n._({ id: 'export.clips', message: 'Clips' });
  if (section(clipsTitle, !e.clips.length, i18n._({ id: 'export.no-clips', message: 'No clips yet.' }))) {
    for (const c of e.clips) {
      out.push(
        heading(3, c.title || c.url),
        '',
        md`${autolink(c.url)} · ${i18n._({
          id: 'export.clipped-by',
          message: 'clipped by {name} on {day}',
          values: { name: name(c.clipperId), day: day(c.createdAt) },
        })}`,
        '',
        quote(c.quote),
      );
      if (c.note) out.push('', md`${i18n._({ id: 'export.note', message: 'Note: {note}', values: { note: c.note } })}`);
      if (c.tags.length)
        out.push(
          '',
          md`${i18n._({
            id: 'export.tags',
            message: 'Tags: {tags}',
            values: { tags: list(c.tags) },
          })}`,
        );
      out.push('');
    }
  }

  const requestsTitle = i18n._({ id: 'export.requests', message: 'Resource requests' });
  if (section(requestsTitle, !e.requests.length, i18n._({ id: 'export.no-requests', message: 'No requests yet.' }))) {
    for (const r of e.requests) {
      out.push(
        heading(3, r.question),
        '',
        md`${i18n._({
          id: 'export.asked',
          message: 'Asked by {name} on {day}',
          values: { name: name(r.askedById), day: day(r.createdAt) },
        })}`,
      );
      if (r.answer) {
        out.push(
          '',
          md`${i18n._({
            id: 'export.answered',
            message: 'Answered by {name} on {day}:',
            values: { name: name(r.answer.answeredById), day: day(r.answer.answeredAt) },
          })}`,
          '',
          quote(r.answer.text),
        );
        for (const link of r.answer.links) out.push('', md`- ${autolink(link)}`);
      }
      out.push('');
    }
  }

  const evaluationsTitle = i18n._({
    id: 'export.evaluations',
    message: 'Checkpoint evaluations (evaluation record, kept apart from coaching)',
  });
  if (
    section(
      evaluationsTitle,
      !e.evaluations.length,
      i18n._({ id: 'export.no-evaluations', message: 'No evaluations.' }),
    )
  ) {
    out.push(
      table(
        [
          i18n._({ id: 'export.column.checkpoint', message: 'Checkpoint' }),
          i18n._({ id: 'export.column.mentee', message: 'Mentee' }),
          i18n._({ id: 'export.column.rating', message: 'Rating' }),
          i18n._({ id: 'export.column.evaluator', message: 'Evaluated by' }),
          i18n._({ id: 'export.column.on', message: 'On' }),
          i18n._({ id: 'export.column.summary', message: 'Summary' }),
        ],
        e.evaluations.map((v) => [
          checkpoints.get(v.checkpointId) ?? i18n._({ id: 'export.column.checkpoint', message: 'Checkpoint' }),
          name(v.menteeId),
          i18n._({
            id: 'export.rating',
            message: '{rating, select, notYet {not yet} developing {developing} meeting {meeting} other {exceeding}}',
            // An ICU select's keys are words: `not-yet` is `notYet` there.
            values: { rating: v.rating === 'not-yet' ? 'notYet' : v.rating },
          }),
          name(v.mentorId),
          day(v.completedAt),
          v.summary,
        ]),
      ),
    );
  }
  return (
    out
      .map(String)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n') + '\n'
  );
}

/**
 * The agreement a partnership starts with is kept in English (`DEFAULT_AGREEMENT`): a term still
 * word for word the default is written in the reader's language, partners' own words as written.
 */
function shownAgreement(i18n: I18n, a: Agreement): Agreement {
  return {
    purpose: a.purpose,
    meetingCadence:
      a.meetingCadence === DEFAULT_AGREEMENT.meetingCadence
        ? i18n._({ id: 'agreement.default-cadence', message: 'Every two weeks' })
        : a.meetingCadence,
    confidentiality:
      a.confidentiality === DEFAULT_AGREEMENT.confidentiality
        ? i18n._({
            id: 'agreement.default-confidentiality',
            message:
              'What we discuss stays between us. It is the mentee’s work: the mentee sets the agenda, and the mentor asks questions and shares experience when asked. Program staff see only whether we meet, never what we write.',
          })
        : a.confidentiality,
  };
}

/** " (due …)", " (done …)" after an action or commitment, as its dates say. */
function dueAndDone(i18n: I18n, due: string | null, done: string | null): string {
  const parts: string[] = [];
  if (due) parts.push(i18n._({ id: 'export.due', message: '(due {day})', values: { day: due } }));
  if (done) parts.push(i18n._({ id: 'export.done', message: '(done {day})', values: { day: done } }));
  return parts.map((part) => ` ${part}`).join('');
}

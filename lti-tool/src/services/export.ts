/**
 * A member's download of their partnership, as JSON or Markdown: everything they may see in it
 * (their own private notes, nobody else's), so the work stays theirs after the program ends.
 */
import {
  exportFileName,
  type AgendaItem,
  type Checkpoint,
  type CheckpointEvaluation,
  type Clip,
  type Conversation,
  type Goal,
  type Partnership,
  type Prompt,
  type ResourceRequest,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
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

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const box = (done: boolean) => trustedMarkdown(done ? '[x]' : '[ ]');

/** The export as Markdown, every piece of people's text escaped by the Markdown writer. */
export function exportMarkdown(e: PartnershipExport): string {
  const p = e.partnership;
  // Looked up by id once per item, not searched for: an export of thousands of clips stays linear.
  const names = new Map(p.members.map((m) => [m.personId, m.name]));
  const goals = new Map(e.goals.map((g) => [g.id, g.title]));
  const clips = new Map(e.clips.map((c) => [c.id, c]));
  const prompts = new Map(e.prompts.map((q) => [q.id, q.question]));
  const checkpoints = new Map(e.checkpoints.map((c) => [c.id, c.name]));
  const name = (id: string | null) => (id === null ? undefined : names.get(id)) ?? 'a former member';
  const goalTitle = (id: string | null) => (id === null ? undefined : goals.get(id)) ?? 'a goal no longer here';
  const out: (SafeMarkdown | '')[] = [];
  const section = (title: string, empty: boolean, emptyText: string) => {
    out.push('', heading(2, title), '');
    if (empty) out.push(md`_${emptyText}_`);
    return !empty;
  };
  const members = p.members.map((m) => `${m.name} (${m.role})`).join(', ');

  out.push(
    heading(1, `${p.kind === 'mentoring' ? 'Mentoring' : 'Collegial'} partnership: ${members}`),
    '',
    md`Exported ${when(e.exportedAt)} by ${e.exportedBy.name}. Confidential to the members of this partnership; private notes in it are ${e.exportedBy.name}’s own.`,
    '',
    md`Status: ${p.status} · formed ${day(p.createdAt)}${p.closedAt ? ` · closed ${day(p.closedAt)}` : ''}`,
    '',
    heading(2, 'Agreement'),
    '',
    md`**Purpose:** ${p.agreement.purpose || '—'}`,
    '',
    md`**Meeting cadence:** ${p.agreement.meetingCadence || '—'}`,
    '',
    md`**Confidentiality:** ${p.agreement.confidentiality || '—'}`,
  );

  if (section('Goals', !e.goals.length, 'No goals yet.')) {
    for (const g of e.goals) {
      out.push(
        heading(3, `${g.title} (${g.status})`),
        '',
        md`Owner: ${name(g.ownerId)}${g.coachId ? ` · coach: ${name(g.coachId)}` : ''}`,
      );
      if (g.why) out.push('', md`**Why it matters:** ${g.why}`);
      if (g.success) out.push('', md`**What success would look like:** ${g.success}`);
      if (g.actions.length) {
        out.push('', md`**Actions**`, '');
        for (const a of g.actions)
          out.push(
            md`- ${box(a.done)} ${a.text}${a.dueOn ? ` (due ${a.dueOn})` : ''}${a.doneAt ? ` (done ${day(a.doneAt)})` : ''}`,
          );
      }
      out.push('', md`**History**`, '');
      for (const h of g.history) out.push(md`- ${day(h.at)} ${name(h.byId)} ${h.change}`);
      out.push('');
    }
  }

  const agendaLine = (item: AgendaItem) => {
    switch (item.kind) {
      case 'goal':
        return `Goal: ${goalTitle(item.goalId)}`;
      case 'clip': {
        const clip = clips.get(item.clipId);
        return `Clip: ${clip ? `“${clip.quote.slice(0, 120)}${clip.quote.length > 120 ? '…' : ''}”` : 'a clip no longer here'}`;
      }
      case 'prompt':
        return `Prompt: ${prompts.get(item.promptId) ?? 'a prompt no longer here'}`;
      case 'free':
        return item.text;
    }
  };
  if (section('Conversations', !e.conversations.length, 'No conversations yet.')) {
    for (const c of e.conversations) {
      out.push(heading(3, `${when(c.scheduledFor)}${c.heldAt ? ` (held ${day(c.heldAt)})` : ' (not held yet)'}`), '');
      if (c.agenda.length)
        out.push(
          md`**Agenda**`,
          '',
          ...c.agenda.map((item, i) => md`${trustedMarkdown(`${i + 1}.`)} ${agendaLine(item)}`),
          '',
        );
      if (c.sharedNotes) out.push(md`**Shared notes**`, '', paragraphs(c.sharedNotes), '');
      if (c.privateNote) out.push(md`**${e.exportedBy.name}’s private note**`, '', paragraphs(c.privateNote), '');
      if (c.commitments.length) {
        out.push(md`**Commitments**`, '');
        for (const m of c.commitments) {
          out.push(
            md`- ${box(m.done)} ${m.text}${m.goalId ? ` (goal: ${goalTitle(m.goalId)})` : ''}${m.dueOn ? ` (due ${m.dueOn})` : ''}`,
          );
        }
        out.push('');
      }
    }
  }

  if (section('Reflection prompts', !e.prompts.length, 'No prompts yet.')) {
    for (const q of e.prompts) {
      out.push(heading(3, q.question), '', md`Asked by ${name(q.authorId)} on ${day(q.createdAt)} · ${q.status}`);
      if (q.response) out.push('', quote(q.response), '', md`Responded ${day(q.respondedAt)}`);
      out.push('');
    }
  }

  if (section('Clips', !e.clips.length, 'No clips yet.')) {
    for (const c of e.clips) {
      out.push(
        heading(3, c.title || c.url),
        '',
        md`${autolink(c.url)} · clipped by ${name(c.clipperId)} on ${day(c.createdAt)}`,
        '',
        quote(c.quote),
      );
      if (c.note) out.push('', md`Note: ${c.note}`);
      if (c.tags.length) out.push('', md`Tags: ${c.tags.join(', ')}`);
      out.push('');
    }
  }

  if (section('Resource requests', !e.requests.length, 'No requests yet.')) {
    for (const r of e.requests) {
      out.push(heading(3, r.question), '', md`Asked by ${name(r.askedById)} on ${day(r.createdAt)}`);
      if (r.answer) {
        out.push(
          '',
          md`Answered by ${name(r.answer.answeredById)} on ${day(r.answer.answeredAt)}:`,
          '',
          quote(r.answer.text),
        );
        for (const link of r.answer.links) out.push('', md`- ${autolink(link)}`);
      }
      out.push('');
    }
  }

  if (
    section(
      'Checkpoint evaluations (evaluation record, kept apart from coaching)',
      !e.evaluations.length,
      'No evaluations.',
    )
  ) {
    out.push(
      table(
        ['Checkpoint', 'Mentee', 'Rating', 'Evaluated by', 'On', 'Summary'],
        e.evaluations.map((v) => [
          checkpoints.get(v.checkpointId) ?? 'Checkpoint',
          name(v.menteeId),
          v.rating,
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

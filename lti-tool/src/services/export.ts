/**
 * A member's download of their partnership, as JSON or Markdown: everything they may see in it
 * (their own private notes, nobody else's), so the work stays theirs after the program ends.
 */
import type {
  AgendaItem,
  Checkpoint,
  CheckpointEvaluation,
  Clip,
  Conversation,
  Goal,
  Partnership,
  Prompt,
  ResourceRequest,
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
  /** The separate evaluation record (principle 3), with the checkpoints it refers to. */
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
    exportedAt: new Date().toISOString(),
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

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');

/** E.g. `mentoring-marcus-delgado-hannah-kowalski-2026-11-23.md`. */
export function exportFilename(e: PartnershipExport, extension: 'md' | 'json'): string {
  const names = e.partnership.members.map((m) => slug(m.name)).filter(Boolean);
  return [e.partnership.kind, ...names, e.exportedAt.slice(0, 10)].join('-') + `.${extension}`;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const quoted = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const box = (done: boolean) => (done ? '[x]' : '[ ]');

export function exportMarkdown(e: PartnershipExport): string {
  const p = e.partnership;
  const names = new Map(p.members.map((m) => [m.personId, m.name]));
  const goals = new Map(e.goals.map((g) => [g.id, g.title]));
  const clips = new Map(e.clips.map((c) => [c.id, c]));
  const prompts = new Map(e.prompts.map((q) => [q.id, q.question]));
  const checkpoints = new Map(e.checkpoints.map((c) => [c.id, c.name]));
  const name = (id: string | null) => (id === null ? undefined : names.get(id)) ?? 'a former member';
  const goalTitle = (id: string | null) => (id === null ? undefined : goals.get(id)) ?? 'a goal no longer here';
  const out: string[] = [];
  const section = (title: string, empty: boolean, emptyText: string) => {
    out.push('', `## ${title}`, '');
    if (empty) out.push(`_${emptyText}_`);
    return !empty;
  };

  out.push(
    `# ${p.kind === 'mentoring' ? 'Mentoring' : 'Collegial'} partnership: ${p.members.map((m) => `${m.name} (${m.role})`).join(', ')}`,
    '',
    `Exported ${when(e.exportedAt)} by ${e.exportedBy.name}. Confidential to the members of this partnership; private notes in it are ${e.exportedBy.name}’s own.`,
    '',
    `Status: ${p.status} · formed ${day(p.createdAt)}${p.closedAt ? ` · closed ${day(p.closedAt)}` : ''}`,
    '',
    '## Agreement',
    '',
    `**Purpose:** ${p.agreement.purpose || '—'}`,
    '',
    `**Meeting cadence:** ${p.agreement.meetingCadence || '—'}`,
    '',
    `**Confidentiality:** ${p.agreement.confidentiality || '—'}`,
  );

  if (section('Goals', !e.goals.length, 'No goals yet.')) {
    for (const g of e.goals) {
      out.push(
        `### ${g.title} (${g.status})`,
        '',
        `Owner: ${name(g.ownerId)}${g.coachId ? ` · coach: ${name(g.coachId)}` : ''}`,
      );
      if (g.why) out.push('', `**Why it matters:** ${g.why}`);
      if (g.success) out.push('', `**What success would look like:** ${g.success}`);
      if (g.actions.length) {
        out.push('', '**Actions**', '');
        for (const a of g.actions)
          out.push(
            `- ${box(a.done)} ${a.text}${a.dueOn ? ` (due ${a.dueOn})` : ''}${a.doneAt ? ` (done ${day(a.doneAt)})` : ''}`,
          );
      }
      out.push('', '**History**', '');
      for (const h of g.history) out.push(`- ${day(h.at)} ${name(h.byId)} ${h.change}`);
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
      out.push(`### ${when(c.scheduledFor)}${c.heldAt ? ` (held ${day(c.heldAt)})` : ' (not held yet)'}`, '');
      if (c.agenda.length)
        out.push('**Agenda**', '', ...c.agenda.map((item, i) => `${i + 1}. ${agendaLine(item)}`), '');
      if (c.sharedNotes) out.push('**Shared notes**', '', c.sharedNotes, '');
      if (c.privateNote) out.push(`**${e.exportedBy.name}’s private note**`, '', c.privateNote, '');
      if (c.commitments.length) {
        out.push('**Commitments**', '');
        for (const m of c.commitments) {
          out.push(
            `- ${box(m.done)} ${m.text}${m.goalId ? ` (goal: ${goalTitle(m.goalId)})` : ''}${m.dueOn ? ` (due ${m.dueOn})` : ''}`,
          );
        }
        out.push('');
      }
    }
  }

  if (section('Reflection prompts', !e.prompts.length, 'No prompts yet.')) {
    for (const q of e.prompts) {
      out.push(`### ${q.question}`, '', `Asked by ${name(q.authorId)} on ${day(q.createdAt)} · ${q.status}`);
      if (q.response) out.push('', quoted(q.response), '', `Responded ${day(q.respondedAt)}`);
      out.push('');
    }
  }

  if (section('Clips', !e.clips.length, 'No clips yet.')) {
    for (const c of e.clips) {
      out.push(
        `### ${c.title || c.url}`,
        '',
        `<${c.url}> · clipped by ${name(c.clipperId)} on ${day(c.createdAt)}`,
        '',
        quoted(c.quote),
      );
      if (c.note) out.push('', `Note: ${c.note}`);
      if (c.tags.length) out.push('', `Tags: ${c.tags.join(', ')}`);
      out.push('');
    }
  }

  if (section('Resource requests', !e.requests.length, 'No requests yet.')) {
    for (const r of e.requests) {
      out.push(`### ${r.question}`, '', `Asked by ${name(r.askedById)} on ${day(r.createdAt)}`);
      if (r.answer) {
        out.push(
          '',
          `Answered by ${name(r.answer.answeredById)} on ${day(r.answer.answeredAt)}:`,
          '',
          quoted(r.answer.text),
        );
        for (const link of r.answer.links) out.push('', `- <${link}>`);
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
    for (const v of e.evaluations) {
      const checkpoint = checkpoints.get(v.checkpointId) ?? 'Checkpoint';
      out.push(
        `- **${checkpoint}**, ${name(v.menteeId)}: ${v.rating}, by ${name(v.mentorId)} on ${day(v.completedAt)}. ${v.summary}`,
      );
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

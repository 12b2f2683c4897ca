/**
 * The partnership export, Markdown and JSON, compared with golden files: a fixed partnership built
 * through the API (with text that tries to inject headings, links, HTML and table cells), exported,
 * and its ids and times replaced by stable placeholders. Update the golden files on purpose with
 * `npx vitest run --project main test/integration/export-golden.test.ts -u`, and read the diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'export-golden';
const HOSTILE = '# Heading? [link](javascript:alert(1)) <b onclick="x">html</b> a | b &amp; *stars*';

let tool: TestTool;
let lms: TestLms;
const api: Record<string, ApiClient> = {};
const id: Record<string, string> = {};
let partnershipId = '';

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Export LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Export course',
    people: [
      lmsPerson('coord', 'Nora Quist', [Role.Instructor]),
      lmsPerson('mara', 'Mara Lind', [Role.Learner]),
      lmsPerson('ben', 'Ben O’Kafor', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  for (const who of ['coord', 'mara', 'ben']) {
    const launched = await launchAs(lms, tool, { courseId: COURSE, personId: who });
    api[who] = launched.api;
    id[who] = (await launched.api.me({})).person.id;
  }
  await api.coord!.syncRoster({});
  const p = await api.coord!.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: id.mara!, role: 'mentor' },
        { personId: id.ben!, role: 'mentee' },
      ],
      agreement: { purpose: `Grow as a principal\n${HOSTILE}`, meetingCadence: 'Every other week' },
    },
  });
  partnershipId = p.id;
  const params = { id: p.id };
  const goal = await api.ben!.createGoal({
    params,
    body: { title: `Know every staff member ${HOSTILE}`, why: '- not a list', success: '1. not a list either' },
  });
  await api.ben!.createAction({
    params: { id: goal.id },
    body: { text: 'Visit | every | classroom', dueOn: '2026-09-30' },
  });
  const clip = await api.ben!.createClip({
    params,
    body: {
      url: 'https://example.org/listening',
      title: 'Listening <script>alert(1)</script>',
      quote: 'Leaders listen first.\n\n> Then they speak.\n    indented code?',
      note: HOSTILE,
      tags: ['listening'],
      goalIds: [goal.id],
    },
  });
  const prompt = await api.mara!.createPrompt({ params, body: { question: `What did you hear? ${HOSTILE}` } });
  await api.ben!.updatePrompt({ params: { id: prompt.id }, body: { response: 'That I interrupt.\n## Not a heading' } });
  const conversation = await api.ben!.createConversation({
    params,
    body: { scheduledFor: '2026-10-01T15:00:00.000Z' },
  });
  await api.ben!.setAgenda({
    params: { id: conversation.id },
    body: {
      agenda: [
        { kind: 'goal', goalId: goal.id },
        { kind: 'clip', clipId: clip.id },
        { kind: 'free', text: '- a free item that starts like a list' },
      ],
    },
  });
  await api.ben!.updateConversation({
    params: { id: conversation.id },
    body: { sharedNotes: `We talked.\n\n${HOSTILE}`, privateNote: 'BEN-PRIVATE: nervous' },
  });
  await api.mara!.updateConversation({ params: { id: conversation.id }, body: { privateNote: 'MARA-PRIVATE' } });
  await api.ben!.addCommitment({
    params: { id: conversation.id },
    body: { text: `Try it ${HOSTILE}`, goalId: goal.id },
  });
  const request = await api.ben!.createRequest({ params, body: { question: `Any protocol? ${HOSTILE}` } });
  await api.mara!.answerRequest({
    params: { id: request.id },
    body: { text: 'This one.\n<img src=x>', links: ['https://example.org/protocol'], clipIds: [clip.id] },
  });
  const checkpoint = await api.coord!.createCheckpoint({ body: { name: 'Mid-year | review' } });
  await api.mara!.createEvaluation({
    params,
    body: { checkpointId: checkpoint.id, menteeId: id.ben!, rating: 'developing', summary: `Growing.\n${HOSTILE}` },
  });
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

/** Ids and times differ from run to run: each becomes a stable placeholder, ids numbered by first use. */
function stable(text: string): string {
  const ids = new Map<string, string>();
  return (
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (uuid) => {
        if (!ids.has(uuid)) ids.set(uuid, `<id-${ids.size + 1}>`);
        return ids.get(uuid)!;
      })
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
      // Times and days as the export writes them (shared/src/format.ts), English and Spanish.
      .replace(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC/g, '<when>')
      .replace(/\d{1,2} [a-z]{3,4}\.? \d{4}, \d{1,2}:\d{2} UTC/g, '<when>')
      .replace(/[A-Z][a-z]{2} \d{1,2}, \d{4}/g, '<day>')
      .replace(/\d{1,2} [a-z]{3,4}\.? \d{4}/g, '<day>')
      .replace(/\d{4}-\d{2}-\d{2}/g, '<day>')
  );
}

describe('the export', () => {
  it('as Markdown, people’s text escaped', async () => {
    const markdown = (await api.ben!.exportPartnership({
      params: { id: partnershipId },
      query: { format: 'md' },
    })) as string;
    expect(markdown).not.toContain('MARA-PRIVATE');
    expect(markdown).not.toMatch(/^#+ .*\n#+ Heading\?/m);
    await expect(stable(markdown)).toMatchFileSnapshot('./golden/export.md');
  });

  it('in the reader’s language: Markdown in Spanish for a launch in es-MX', async () => {
    // Mara, launched now in Mexican Spanish: her export's words, dates and times are Spanish.
    const spanish = await launchAs(lms, tool, { courseId: COURSE, personId: 'mara', locale: 'es-MX' });
    expect((await spanish.api.me({})).locale).toBe('es');
    const markdown = (await spanish.api.exportPartnership({
      params: { id: partnershipId },
      query: { format: 'md' },
    })) as string;
    expect(markdown).toContain('# Relación de mentoría: Ben O’Kafor (mentorado/a), Mara Lind (mentor/a)');
    expect(markdown).not.toContain('BEN-PRIVATE');
    await expect(stable(markdown)).toMatchFileSnapshot('./golden/export.es.md');
  });

  it('as JSON', async () => {
    const json = await api.ben!.exportPartnership({ params: { id: partnershipId }, query: { format: 'json' } });
    await expect(stable(JSON.stringify(json, null, 2)) + '\n').toMatchFileSnapshot('./golden/export.json');
  });
});

/**
 * Issue 12 end to end in real Chromium, the tool inside the course page's iframe:
 * 1. The coordinator forms a partnership, is warned before forming the same pair again (reversed)
 *    and confirms; nudges, pauses, resumes, re-matches (a new mentor) and ends one with a reason,
 *    and reads its history; the roster tells who is unmatched; the report shows counts.
 * 2. A mentee subscribes to her conversations in her calendar: the feed is fetched from its secret
 *    address and parsed with ical.js, then stopped.
 * 3. Nothing silently overwritten: an agenda changed elsewhere (the side panel) while the mentee
 *    edits it is shown beside hers, and she chooses; she edits and deletes a commitment.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { hasChromium } from '../support/browser.ts';
import { newPage, openTool, settled, shootOnFailure, startWorld, type World } from './journeys/world.ts';

const COORDINATOR = { id: 'awhitfield', name: 'Angela Whitfield' };
const MENTOR = { id: 'tokonkwo', name: 'Thomas Okonkwo' };
const NEW_MENTOR = { id: 'praman', name: 'Priya Raman' };
const MENTEE = { id: 'wchen', name: 'Wei Chen' };

describe.skipIf(!hasChromium)('journeys: a program over time', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld({ registerTool: true });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, ctx.task.name);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('coordinator: warned of a duplicate, nudges, pauses, resumes, re-matches and ends a partnership, with its history', async () => {
    const page = await newPage(w);
    const app = await openTool(page, w, COORDINATOR.id);
    await app.getByRole('tab', { name: 'Roster' }).click();
    await app.getByRole('button', { name: 'Sync roster from the LMS' }).first().click();
    await app.getByText(/Roster synced/).waitFor();
    await app.getByText(/10 people in the course, 9 unmatched/).waitFor();

    const form = async (mentor: string, mentee: string) => {
      await app.getByRole('button', { name: 'Form a partnership' }).first().click();
      const dialog = app.getByRole('dialog', { name: 'Form a partnership' });
      await dialog.getByRole('combobox', { name: 'Mentor' }).fill(mentor.split(' ')[0]!);
      await app.getByRole('option', { name: new RegExp(mentor) }).click();
      await dialog.getByRole('combobox', { name: 'Mentees' }).fill(mentee.split(' ')[0]!);
      await app.getByRole('option', { name: new RegExp(mentee) }).click();
      await dialog.getByRole('button', { name: 'Form partnership' }).click();
      return dialog;
    };
    await app.getByRole('tab', { name: 'Partnerships' }).click();
    const first = await form(MENTOR.name, MENTEE.name);
    await first.waitFor({ state: 'detached' });
    // The same two people, the other way round: a warning, then a deliberate second one.
    const second = await form(MENTEE.name, MENTOR.name);
    await second
      .getByRole('alert')
      .getByText(/already share a mentoring partnership/)
      .waitFor();
    await second.getByRole('button', { name: 'Form a second partnership' }).click();
    await second.waitFor({ state: 'detached' });

    const activity = app.getByRole('table', { name: 'Partnership activity' });
    await expect.poll(() => activity.locator('tbody tr').filter({ hasText: MENTOR.name }).count()).toBe(2);
    // The row where Thomas mentors Wei (the other has them the other way round).
    const row = activity.locator('tbody tr').filter({ hasText: new RegExp(`${MENTOR.name}\\s*→`) });
    await row.getByRole('button', { name: /Manage/ }).click();
    const manage = app.getByRole('dialog', { name: /Manage/ });
    await manage.getByRole('button', { name: 'Nudge to meet' }).click();
    await app.getByText('Nudge recorded: the pair sees it in their workspace.').waitFor();
    await manage.getByRole('button', { name: 'Pause' }).click();
    await manage.getByRole('button', { name: 'Resume' }).waitFor();
    await row.getByText('Paused').waitFor();
    await manage.getByRole('button', { name: 'Resume' }).click();
    await manage.getByRole('button', { name: 'Pause' }).waitFor();

    // Re-match: Priya mentors Wei from now on.
    await manage.getByRole('button', { name: 'Change members' }).click();
    const mentorBox = manage.getByRole('combobox', { name: 'Mentor' });
    await mentorBox.fill('Priya');
    await app.getByRole('option', { name: new RegExp(NEW_MENTOR.name) }).click();
    await manage.getByRole('button', { name: 'Save members' }).click();
    const history = manage.getByRole('region', { name: 'History' });
    await history.getByText(`${MENTOR.name} left`).waitFor();
    await history.getByText(`${NEW_MENTOR.name} joined as Mentor`).waitFor();
    await history.getByText('Nudged').waitFor();

    await manage.getByRole('button', { name: 'End partnership' }).click();
    await manage.getByLabel('Why does it end?').fill('Wei took a post in another district');
    await manage.getByRole('button', { name: 'End partnership' }).click();
    await history.getByText(/reason: Wei took a post in another district/).waitFor();
    await manage.getByRole('button', { name: 'Close' }).click();

    // The partner who is still matched, and the report's counts.
    const api = await w.api(COORDINATOR.id);
    const report = await api.programReport({});
    expect(report.partnerships.map((p) => p.status).sort()).toEqual(['active', 'closed']);
    await app.getByRole('tab', { name: 'Report' }).click();
    await app.getByRole('table', { name: 'Partnerships' }).waitFor();
    await app.getByRole('button', { name: 'Download CSV' }).waitFor();
    await settled(app);
    await page.close();
  });

  it('mentee: subscribes to her conversations in her calendar, fetched and parsed as a calendar, then stops it', async () => {
    const mentee = await w.api(MENTEE.id);
    const { partnerships } = await mentee.listPartnerships({});
    const current = partnerships.find((p) => p.status === 'active')!;
    const when = new Date(Date.now() + 3 * 86_400_000);
    when.setUTCHours(15, 0, 0, 0);
    await mentee.createConversation({
      params: { id: current.id },
      body: { scheduledFor: when.toISOString(), durationMinutes: 45, place: 'Harbor View, room 12' },
    });

    const page = await newPage(w);
    const app = await openTool(page, w, MENTEE.id);
    await app
      .getByRole('link', { name: new RegExp(MENTOR.name) })
      .first()
      .click();
    await app.getByRole('tab', { name: 'Conversations' }).click();
    const panel = app.getByRole('region', { name: 'In your calendar' });
    await panel.getByRole('button', { name: 'Subscribe in your calendar' }).click();
    const url = await panel.getByLabel('Your calendar address (keep it to yourself)').inputValue();
    expect(url).toMatch(/\/api\/calendar\/cal_[\w-]+\/mentoring\.ics$/);

    const res = await fetch(url);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe(`Mentoring conversation with ${MENTOR.name}`);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(when.toISOString());
    expect(events[0]!.location).toBe('Harbor View, room 12');
    expect(
      String(calendar.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')),
    ).toBe('-PT30M');

    await panel.getByRole('button', { name: 'Stop the subscription' }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Stop it' }).click();
    await panel.getByRole('button', { name: 'Subscribe in your calendar' }).waitFor();
    expect((await fetch(url)).status).toBe(404);
    await page.close();
  });

  it('mentee: an agenda changed in the side panel meanwhile is shown beside hers, not overwritten; she edits and deletes commitments', async () => {
    // A workspace of her own as mentee, formed by the coordinator (earlier tests re-matched and ended hers).
    const coordinator = await w.api(COORDINATOR.id);
    const { people } = await coordinator.programPeople({});
    const idOf = (name: string) => people.find((x) => x.name === name)!.personId;
    const current = await coordinator.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: idOf(NEW_MENTOR.name), role: 'mentor' },
          { personId: idOf(MENTEE.name), role: 'mentee' },
        ],
        confirmDuplicate: true,
      },
    });
    const mentee = await w.api(MENTEE.id);
    const next = await mentee.createConversation({
      params: { id: current.id },
      body: { scheduledFor: new Date(Date.now() + 5 * 86_400_000).toISOString() },
    });
    const started = await mentee.setAgenda({
      params: { id: next.id },
      body: { agenda: [{ kind: 'free', text: 'The staff meeting' }], version: next.version },
    });
    await mentee.addCommitment({ params: { id: next.id }, body: { text: 'Draft the agenda with Sam' } });
    await mentee.addCommitment({ params: { id: next.id }, body: { text: 'Call the district office' } });

    const page = await newPage(w);
    const app = await openTool(page, w, MENTEE.id);
    await app.locator(`a[href*="${current.id}"]`).first().click();
    await app.getByRole('tab', { name: 'Conversations' }).click();
    const agenda = app.getByRole('region', { name: 'Agenda' });
    await agenda.getByText('The staff meeting').waitFor();
    await settled(app);

    // The side panel (another client, on the version the app has too) adds a topic first.
    const seen = (await mentee.listConversations({ params: { id: current.id } })).conversations.find(
      (c) => c.id === next.id,
    )!;
    const fromPanel = await mentee.setAgenda({
      params: { id: next.id },
      body: { agenda: [...started.agenda, { kind: 'free', text: 'Added from the side panel' }], version: seen.version },
    });
    expect(fromPanel.version).toBe(seen.version + 1);

    await agenda.getByLabel('Or a topic in your own words').fill('Trust with the new team');
    await agenda.getByRole('button', { name: 'Add topic' }).click();
    const notice = agenda.getByRole('alert');
    await notice.getByText(/The agenda changed while you were editing it/).waitFor();
    // Theirs is on screen; hers is kept beside it, word for word.
    await agenda.getByText('Added from the side panel').first().waitFor();
    await notice.getByText('Trust with the new team').waitFor();
    await notice.getByRole('button', { name: 'Use my agenda instead' }).click();
    await expect
      .poll(async () =>
        (await mentee.listConversations({ params: { id: current.id } })).conversations
          .find((c) => c.id === next.id)!
          .agenda.map((i) => (i.kind === 'free' ? i.text : i.kind)),
      )
      .toEqual(['The staff meeting', 'Trust with the new team']);

    // Shared notes written while only the agenda moves on (the side panel again) are saved, no false alarm.
    const notes = app.getByRole('region', { name: 'Shared notes' });
    await notes.getByRole('button', { name: 'Write' }).click();
    await notes.getByRole('textbox', { name: 'Shared notes' }).fill('We start with trust.');
    const before = (await mentee.listConversations({ params: { id: current.id } })).conversations.find(
      (c) => c.id === next.id,
    )!;
    await mentee.setAgenda({
      params: { id: next.id },
      body: { agenda: [...before.agenda, { kind: 'free', text: 'One more thing' }], version: before.version },
    });
    await notes.getByRole('button', { name: 'Save notes' }).click();
    await expect
      .poll(
        async () =>
          (await mentee.listConversations({ params: { id: current.id } })).conversations.find((c) => c.id === next.id)!
            .sharedNotes,
      )
      .toBe('We start with trust.');
    await notes.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await notes.getByText(/saved the shared notes while you were writing/).count()).toBe(0);

    const commitments = app.getByRole('region', { name: 'Commitments' });
    await commitments.getByRole('button', { name: 'Edit commitment: Draft the agenda with Sam' }).click();
    await commitments.getByLabel('Commitment', { exact: true }).first().fill('Draft the agenda with Sam and Lee');
    await commitments.getByRole('button', { name: 'Save', exact: true }).click();
    await commitments.getByText('Draft the agenda with Sam and Lee').waitFor();
    await commitments.getByRole('button', { name: 'Delete commitment: Call the district office' }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Delete commitment' }).click();
    await expect
      .poll(async () =>
        (await mentee.listConversations({ params: { id: current.id } })).conversations
          .find((c) => c.id === next.id)!
          .commitments.map((c) => c.text),
      )
      .toEqual(['Draft the agenda with Sam and Lee']);
    await page.close();
  });
});

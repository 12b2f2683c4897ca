/**
 * The mentee's journey, shared by the story (cookies allowed) and the run with third-party cookies
 * blocked: launch from the course, set a goal with an action, schedule the next conversation,
 * connect the extension with a pairing code, clip two passages from a reading (keyboard only:
 * caret selection, the picker by keys), answer the prompt, and build the agenda by keys alone.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AgendaItem } from '@mentoring/shared';
import { MENTEE, MENTOR, TEXT } from './story.ts';
import {
  focusedText,
  hasFocus,
  extensionUrl,
  front,
  newPage,
  openWindow,
  openTool,
  poll,
  READING_TITLE,
  screenshot,
  screenshotFitted,
  screenshotTool,
  selectByKeyboard,
  settled,
  tabTo,
  toolFrame,
  type AxeReport,
  type World,
} from './world.ts';

export interface Looks {
  axe: AxeReport;
  /** Writes the screenshots (the story does; the run with cookies blocked does not). */
  shots: boolean;
}

export interface MenteeResult {
  partnershipId: string;
  goalId: string;
  conversationId: string;
  clipIds: { intoGoal: string; asPrompt: string };
  promptId: string;
}

export async function menteeJourney(w: World, looks?: Looks): Promise<MenteeResult> {
  const page = await newPage(w);
  const app = await openTool(page, w, MENTEE.id);
  const headline = `${MENTOR.name} mentors you`;
  await app.getByRole('heading', { level: 1, name: 'Your partnerships' }).waitFor();
  await settled(app);
  await looks?.axe.check('participant home', await toolFrame(page));

  // Into the workspace; a goal in her own words, and a first action under it.
  await app.getByRole('link', { name: headline }).click();
  await app.getByRole('heading', { level: 1, name: headline }).waitFor();
  await settled(app);
  await app.getByRole('button', { name: 'New goal' }).first().click();
  const goalDialog = app.getByRole('dialog', { name: 'New goal' });
  await goalDialog.getByLabel('Goal', { exact: true }).fill(TEXT.goal);
  await goalDialog.getByLabel('Why it matters').fill(TEXT.goalWhy);
  await goalDialog.getByLabel('What success would look like').fill(TEXT.goalSuccess);
  await goalDialog.getByRole('button', { name: 'Set goal' }).click();
  await goalDialog.waitFor({ state: 'detached' });
  const goalCard = app.locator('article.goal-card').filter({ has: app.getByRole('heading', { name: TEXT.goal }) });
  await goalCard.getByRole('button', { name: '+ Add an action' }).click();
  await goalCard.getByLabel('New action').fill(TEXT.action);
  await goalCard.getByRole('button', { name: 'Add action' }).click();
  await goalCard.locator('.action-list').getByText(TEXT.action).waitFor();
  await goalCard.getByRole('button', { name: 'Done' }).click();

  // The next conversation, so that it has an agenda to build.
  const nudge = app.getByRole('region', { name: 'When will you talk next?' });
  await nudge.getByRole('button', { name: 'Schedule' }).click();
  await nudge.waitFor({ state: 'detached' });
  await settled(app);
  await looks?.axe.check('workspace: goals', await toolFrame(page));
  if (looks?.shots) await screenshotTool(page, 'goals', app.getByRole('tablist', { name: 'Workspace sections' }));

  const api = await w.api(MENTEE.id);
  const { partnerships } = await api.listPartnerships({});
  expect(partnerships).toHaveLength(1);
  const partnershipId = partnerships[0]!.id;
  const { goals } = await api.listGoals({ params: { id: partnershipId } });
  expect(goals).toEqual([
    expect.objectContaining({
      title: TEXT.goal,
      why: TEXT.goalWhy,
      actions: [expect.objectContaining({ text: TEXT.action, done: false })],
    }),
  ]);
  const goalId = goals[0]!.id;

  // Connect the extension with a code from "Connect your browser".
  await app.getByRole('link', { name: 'Connect your browser' }).click();
  await app.getByRole('heading', { level: 1, name: 'Connect your browser' }).waitFor();
  await settled(app);
  await looks?.axe.check('connect your browser', await toolFrame(page));
  await app.getByRole('button', { name: 'Get a connection code' }).click();
  // One code carries the tool's address: nothing else is copied by hand.
  const code = await app.getByLabel('Connection code').inputValue();
  expect(code).toMatch(new RegExp(`^\\S{4,}@${w.tool.url.replace(/[.]/g, '\\.')}$`));
  const options = await w.browser.openExtensionPage('options.html');
  await options.getByLabel('Connection code').waitFor();
  await looks?.axe.check('extension: connect (options)', options);
  await options.getByLabel('Connection code').fill(code);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByText(`Connected as ${MENTEE.name}.`).waitFor();
  await options.close();
  // The workspace sees the browser arrive and puts the used code away.
  await app.locator('.connection').first().waitFor({ timeout: 20_000 });
  await expect.poll(() => app.locator('.pairing-code').count()).toBe(0);

  // Two passages from a reading, by keyboard: one into the goal, one as a reflection prompt.
  // The reading in a window of its own, as beside the LMS; the side panel opens in that window later.
  const reading = await openWindow(w, w.readingUrl);
  await reading.getByRole('heading', { level: 1, name: READING_TITLE }).waitFor();

  await selectByKeyboard(reading, TEXT.passage);
  const picker = await w.browser.clipSelection(reading);
  await picker.setViewportSize({ width: 480, height: 640 });
  const fileUnder = picker.getByLabel('File under');
  await poll(() => fileUnder.locator('option:checked').textContent()).toBe(`Goal: ${TEXT.goal}`);
  expect(await hasFocus(fileUnder)).toBe(true);
  await picker.keyboard.press('Tab');
  expect(await hasFocus(picker.getByLabel('Note'))).toBe(true);
  await picker.keyboard.type(TEXT.passageNote);
  await picker.keyboard.press('Tab');
  expect(await hasFocus(picker.getByLabel('Tags'))).toBe(true);
  await picker.keyboard.type(TEXT.passageTags);
  await looks?.axe.check('extension: picker', picker);
  if (looks?.shots) await screenshotFitted(picker, 'extension-picker', 480);
  await picker.keyboard.press('Enter');
  await picker.getByRole('status').getByText('Clipped.').waitFor();
  await picker.waitForEvent('close', { timeout: 10_000 });

  await selectByKeyboard(reading, TEXT.promptPassage);
  const second = await w.browser.clipSelection(reading);
  const fileUnder2 = second.getByLabel('File under');
  await poll(() => fileUnder2.locator('option:checked').textContent()).toBe(`Goal: ${TEXT.goal}`);
  expect(await hasFocus(fileUnder2)).toBe(true);
  await second.keyboard.press('ArrowDown');
  await poll(() => fileUnder2.locator('option:checked').textContent()).toBe('New reflection prompt…');
  expect(await hasFocus(second.getByLabel('Reflection question'))).toBe(true);
  await second.keyboard.type(TEXT.promptQuestion);
  await second.keyboard.press('Enter');
  await second.getByRole('status').getByText('Clipped.').waitFor();
  await second.waitForEvent('close', { timeout: 10_000 });

  // Both clips are in the workspace, filed as chosen.
  const { clips } = await api.listClips({ params: { id: partnershipId }, query: {} });
  expect(clips).toHaveLength(2);
  const intoGoal = clips.find((c) => c.quote === TEXT.passage);
  const asPrompt = clips.find((c) => c.quote === TEXT.promptPassage);
  expect(intoGoal).toMatchObject({
    goalIds: [goalId],
    promptIds: [],
    note: TEXT.passageNote,
    tags: TEXT.passageTags.split(', '),
    url: w.readingUrl,
    title: READING_TITLE,
  });
  expect(asPrompt).toMatchObject({ goalIds: [], promptIds: [expect.any(String)] });
  const { prompts } = await api.listPrompts({ params: { id: partnershipId } });
  expect(prompts).toEqual([
    expect.objectContaining({ id: asPrompt!.promptIds[0], question: TEXT.promptQuestion, status: 'open' }),
  ]);
  const promptId = prompts[0]!.id;

  // The popup, beside the reading.
  const popup = await openWindow(w, extensionUrl(w, 'popup.html'), { popup: true });
  await popup.getByText(`Connected as ${MENTEE.name}`).waitFor();
  await looks?.axe.check('extension: popup', popup);
  // The popup's body is 340 pixels wide plus its padding, as Chrome shows it under the toolbar button.
  if (looks?.shots) await screenshotFitted(popup, 'extension-popup', 368);
  await popup.close();

  // Back in the workspace: the clips, and the response to the prompt.
  await front(page);
  await app.getByRole('link', { name: 'My partnerships' }).click();
  await app.getByRole('heading', { level: 1, name: 'Your partnerships' }).waitFor();
  await app.getByRole('link', { name: headline }).click();
  await app.getByRole('tab', { name: 'Clips' }).click();
  await poll(() => app.locator('article.clip-card').count()).toBe(2);
  await settled(app);
  await looks?.axe.check('workspace: clips', await toolFrame(page));
  if (looks?.shots) await screenshotTool(page, 'workspace');

  await app.getByRole('tab', { name: 'Prompts' }).click();
  const promptCard = app
    .locator('article.prompt-card')
    .filter({ has: app.getByRole('heading', { name: TEXT.promptQuestion }) });
  await promptCard.getByRole('button', { name: 'Respond' }).click();
  await promptCard.getByLabel('Your response').fill(TEXT.promptResponse);
  await promptCard.getByRole('button', { name: 'Save response' }).click();
  await promptCard.getByText(TEXT.promptResponse).waitFor();
  await app
    .getByRole('region', { name: /Answered, to talk about/ })
    .getByRole('heading', { name: TEXT.promptQuestion })
    .waitFor();
  await looks?.axe.check('workspace: prompts', await toolFrame(page));

  // The agenda, built and ordered with the keyboard alone.
  await app.getByRole('tab', { name: 'Conversations' }).click();
  const conversationId = await buildAgendaByKeyboard(page, w, partnershipId, {
    goalId,
    clipId: intoGoal!.id,
    promptId,
  });
  await looks?.axe.check('workspace: conversations (mentee)', await toolFrame(page));

  // The side panel beside the reading: this page's clips and the agenda.
  const panel = await openWindow(w, extensionUrl(w, 'sidepanel.html'), { inWindowOf: reading });
  await panel.setViewportSize({ width: 400, height: 900 });
  await reading.bringToFront();
  const onPage = panel.getByRole('region', { name: 'On this page' });
  await poll(() => onPage.getByRole('listitem').count()).toBe(2);
  await panel.getByRole('region', { name: 'Next conversation' }).getByText(TEXT.agendaTopic).waitFor();
  await looks?.axe.check('extension: side panel', panel);
  if (looks?.shots) await screenshot(panel, 'extension-sidepanel');
  await panel.close();
  await reading.close();
  await page.close();

  return {
    partnershipId,
    goalId,
    conversationId,
    clipIds: { intoGoal: intoGoal!.id, asPrompt: asPrompt!.id },
    promptId,
  };
}

/**
 * Adds the goal, the goal's clip, the answered prompt and a topic of her own, then moves the topic
 * to the top and the clip to the end, pressing keys only; checks the order on screen and in the tool.
 */
async function buildAgendaByKeyboard(
  page: Page,
  w: World,
  partnershipId: string,
  ids: { goalId: string; clipId: string; promptId: string },
): Promise<string> {
  const app = page.frameLocator('iframe.tool');
  const frame = await toolFrame(page);
  const editor = app.locator('.agenda');
  await editor.waitFor();
  const chooser = editor.getByRole('button', { name: /Add from your workspace/ });
  const addChosen = editor.getByRole('button', { name: 'Add to agenda' });
  const rows = () => editor.locator('.agenda-item .agenda-title').allInnerTexts();

  const addFromWorkspace = async (label: string) => {
    const before = (await rows()).length;
    expect(await hasFocus(chooser)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await poll(() => focusedText(frame).then((t) => t.length > 0)).toBe(true);
    for (let i = 0; i < 12 && !(await focusedText(frame)).includes(label); i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(frame)).toContain(label);
    await page.keyboard.press('Enter');
    // The list closes, focus is back on the choice, and "Add to agenda" can be pressed.
    await poll(() => hasFocus(chooser)).toBe(true);
    await poll(() => addChosen.isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await hasFocus(addChosen)).toBe(true);
    await page.keyboard.press('Enter');
    await poll(async () => (await rows()).length).toBe(before + 1);
    // Focus goes back to the choice, ready for the next item.
    await poll(() => hasFocus(chooser)).toBe(true);
  };

  await tabTo(page, chooser);
  await addFromWorkspace(TEXT.goal);
  await addFromWorkspace(TEXT.passage);
  await addFromWorkspace(TEXT.promptQuestion);
  const topic = editor.getByLabel('Or a topic in your own words');
  await tabTo(page, topic);
  await page.keyboard.type(TEXT.agendaTopic);
  await page.keyboard.press('Enter');
  await poll(rows).toEqual([TEXT.goal, `“${TEXT.passage}”`, TEXT.promptQuestion, TEXT.agendaTopic]);

  // The topic to the top: focus stays on its "Move up" button from one press to the next, and each
  // press acts on the order shown, however quickly the next one comes.
  const moveTopicUp = editor.getByRole('button', { name: `Move up: ${TEXT.agendaTopic}` });
  await focusRowButton(page, frame, TEXT.agendaTopic, `Move up: ${TEXT.agendaTopic}`);
  for (const expected of [
    [TEXT.goal, `“${TEXT.passage}”`, TEXT.agendaTopic, TEXT.promptQuestion],
    [TEXT.goal, TEXT.agendaTopic, `“${TEXT.passage}”`, TEXT.promptQuestion],
    [TEXT.agendaTopic, TEXT.goal, `“${TEXT.passage}”`, TEXT.promptQuestion],
  ]) {
    await poll(() => hasFocus(moveTopicUp)).toBe(true);
    await page.keyboard.press('Enter');
    await poll(rows).toEqual(expected);
  }
  // The clip one down, after the prompt.
  await focusRowButton(page, frame, TEXT.passage, `Move down: “${TEXT.passage}”`);
  await page.keyboard.press('Enter');
  const order = [TEXT.agendaTopic, TEXT.goal, TEXT.promptQuestion, `“${TEXT.passage}”`];
  await poll(rows).toEqual(order);

  const expected: AgendaItem[] = [
    { kind: 'free', text: TEXT.agendaTopic },
    { kind: 'goal', goalId: ids.goalId },
    { kind: 'prompt', promptId: ids.promptId },
    { kind: 'clip', clipId: ids.clipId },
  ];
  const api = await w.api('hkowalski');
  const next = async () =>
    (await api.listConversations({ params: { id: partnershipId } })).conversations.find((c) => !c.heldAt);
  await poll(async () => (await next())?.agenda).toEqual(expected);
  return (await next())!.id;
}

/**
 * The agenda is a grid: Tab enters it once (on a row), the arrow keys move between rows (up and
 * down) and between a row's buttons (left and right). Gets to `button` in the row showing `title`.
 */
async function focusRowButton(page: Page, frame: Frame, title: string, button: string): Promise<void> {
  const where = () =>
    frame.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const row = active?.closest<HTMLElement>('[role="row"]');
      const rows = [...document.querySelectorAll<HTMLElement>('.agenda-list [role="row"]')];
      return {
        inGrid: !!row,
        row: row ? rows.indexOf(row) : -1,
        rowText: row?.innerText ?? '',
        label: active?.getAttribute('aria-label') ?? '',
        titles: rows.map((r) => r.innerText),
      };
    });
  let at = await where();
  for (let i = 0; i < 60 && !at.inGrid; i++) {
    await page.keyboard.press('Shift+Tab');
    at = await where();
  }
  const target = at.titles.findIndex((t) => t.includes(title));
  expect(target).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < 30 && !(at.row === target && at.label === button); i++) {
    await page.keyboard.press(at.row < target ? 'ArrowDown' : at.row > target ? 'ArrowUp' : 'ArrowRight');
    at = await where();
  }
  expect(at).toMatchObject({ row: target, label: button });
}

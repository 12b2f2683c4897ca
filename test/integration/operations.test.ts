/**
 * What an operator relies on: health and readiness, ended launch sessions, finished e-mails and old
 * read notices deleted on the tool's clock, a stop that waits for no connection that has asked
 * nothing, and a backup taken while the tool runs that restores the database as it was.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { UPKEEP_MS } from '@mentoring/lti-tool/src/core.ts';
import { FINISHED_MAIL_KEPT_MS, READ_NOTICES_KEPT_MS } from '@mentoring/lti-tool/src/models/notifications.ts';
import { backupDatabase, restoreDatabase } from '@mentoring/lti-tool/src/db/backup.ts';
import { ManualClock } from '../support/clock.ts';
import {
  apiAs,
  dropDisposableDatabase,
  freshPostgresDatabase,
  launchAs,
  startTestTool,
  tempDir,
  type TestTool,
} from '../support/tool.ts';

const COURSE = sampleProgram().id;
let lms: TestLms;

beforeAll(async () => {
  lms = await startTestLms({ name: 'Operations LMS' });
  lms.addCourse(sampleProgram());
});

afterAll(async () => {
  await lms?.close();
});

const countSessions = async (tool: TestTool) =>
  Number((await tool.app.sql.one<{ n: number | string }>('SELECT COUNT(*) AS n FROM launch_sessions'))!.n);

describe('stopping', () => {
  it('closes a connection that has sent nothing yet (a browser’s preconnect) instead of waiting out the grace', async () => {
    const tool = await startTestTool({ env: { STOP_GRACE_SECONDS: '600' } });
    const preconnect = net.connect(tool.config.port, '127.0.0.1');
    await once(preconnect, 'connect');
    const closedByServer = once(preconnect, 'close');
    // Holding it open, the stop would take the whole 600 s grace, past this test's time.
    await tool.close();
    await closedByServer;
  });
});

describe('health and upkeep', () => {
  const clock = new ManualClock();
  let tool: TestTool;

  beforeAll(async () => {
    tool = await startTestTool({ clock, env: { LAUNCH_SESSION_HOURS: '1' } });
    await lms.registerTool(`${tool.url}/register`);
  });

  afterAll(async () => {
    await tool?.close();
  });

  it('answers /healthz and /readyz, and names each request with an id', async () => {
    for (const probe of ['/healthz', '/readyz']) {
      const res = await fetch(tool.url + probe);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
    const given = await fetch(`${tool.url}/healthz`, { headers: { 'x-request-id': 'lb-1234' } });
    expect(given.headers.get('x-request-id')).toBe('lb-1234');
    const made = await fetch(`${tool.url}/healthz`, { headers: { 'x-request-id': 'not an id; <script>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('deletes ended launch sessions on its own clock, and refuses their ltiks', async () => {
    const { ltik, api } = await launchAs(lms, tool, { courseId: COURSE, personId: 'hkowalski' });
    expect((await api.me({})).person.name).toBe('Hannah Kowalski');
    const before = await countSessions(tool);
    await clock.advance(UPKEEP_MS);
    expect(await countSessions(tool)).toBe(before);
    await clock.advance(3_600_000);
    expect(await countSessions(tool)).toBe(0);
    await expect(apiAs(tool, ltik).me({})).rejects.toMatchObject({ status: 401 });
    const fresh = await launchAs(lms, tool, { courseId: COURSE, personId: 'hkowalski' });
    expect((await fresh.api.me({})).person.name).toBe('Hannah Kowalski');
  });

  it('deletes finished e-mails after 30 days and read notices after 180, keeping what still matters', async () => {
    const { api } = await launchAs(lms, tool, { courseId: COURSE, personId: 'hkowalski' });
    const me = await api.me({});
    const { sql } = tool.app;
    const program = (await sql.one<{ program_id: string }>('SELECT program_id FROM memberships WHERE person_id = :id', {
      id: me.person.id,
    }))!.program_id;
    const at = clock.now();
    const notice = (id: string, readAt: number | null, dedupeKey: string | null) =>
      sql.run(
        `INSERT INTO notifications (id, person_id, program_id, kind, data, dedupe_key, mail, created_at, read_at)
         VALUES (:id, :person, :program, 'partnership-quiet', '{}', :dedupeKey, 'none', :at, :readAt)`,
        { id, person: me.person.id, program, dedupeKey, at, readAt },
      );
    await notice('read', at, null);
    await notice('unread', null, null);
    await notice('quiet', at, 'quiet:p1:0');
    for (const status of ['sent', 'dropped', 'failed', 'pending'])
      await sql.run(
        `INSERT INTO mail_outbox (id, person_id, program_id, notification_ids, status, next_attempt_at, created_at)
         VALUES (:status, :person, :program, '[]', :status, :at, :at)`,
        { status, person: me.person.id, program, at },
      );
    const ids = async (table: string) =>
      (await sql.all<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);

    await clock.advance(FINISHED_MAIL_KEPT_MS + UPKEEP_MS);
    expect(await ids('mail_outbox')).toEqual(['pending']);
    expect(await ids('notifications')).toEqual(['quiet', 'read', 'unread']);
    await clock.advance(READ_NOTICES_KEPT_MS - FINISHED_MAIL_KEPT_MS);
    // Unread, or keeping a quiet stretch from being told again: kept.
    expect(await ids('notifications')).toEqual(['quiet', 'unread']);
  });
});

describe('backup and restore', () => {
  it('restores a backup taken while the tool served, as it was then', async () => {
    const dataDir = tempDir();
    const databaseUrl =
      process.env.TEST_DATABASE === 'postgres'
        ? await freshPostgresDatabase()
        : `sqlite:${path.join(dataDir, 'mentoring.sqlite')}`;
    let tool = await startTestTool({ dataDir, databaseUrl, keepDatabase: true });
    try {
      const lmsForTool = await startTestLms({ name: 'Backup LMS' });
      try {
        lmsForTool.addCourse(sampleProgram());
        await lmsForTool.registerTool(`${tool.url}/register`);
        const staff = await launchAs(lmsForTool, tool, { courseId: COURSE, personId: 'awhitfield' });
        const mentor = await launchAs(lmsForTool, tool, { courseId: COURSE, personId: 'mdelgado' });
        const mentee = await launchAs(lmsForTool, tool, { courseId: COURSE, personId: 'hkowalski' });
        const members = async (mentorRole: string) => [
          { personId: (await mentor.api.me({})).person.id, role: mentorRole as 'mentor' },
          { personId: (await mentee.api.me({})).person.id, role: 'mentee' as const },
        ];
        const kept = await staff.api.createPartnership({
          body: { kind: 'mentoring', members: await members('mentor') },
        });

        const file = path.join(dataDir, 'backups', 'backup.db');
        await backupDatabase(databaseUrl, file);
        expect(fs.statSync(file).size).toBeGreaterThan(0);
        await expect(backupDatabase(databaseUrl, file)).rejects.toThrow(/already exists/);
        const lost = await staff.api.createPartnership({
          body: { kind: 'mentoring', members: await members('mentor'), confirmDuplicate: true },
        });

        const port = tool.config.port;
        await tool.close();
        await restoreDatabase(databaseUrl, file);
        tool = await startTestTool({ dataDir, databaseUrl, keepDatabase: true, port });
        const ids = (await apiAs(tool, staff.ltik).listPartnerships({})).partnerships.map((p) => p.id);
        expect(ids).toContain(kept.id);
        expect(ids).not.toContain(lost.id);
        // Registration and keys came back too: the LMS launches as before.
        const again = await launchAs(lmsForTool, tool, { courseId: COURSE, personId: 'hkowalski' });
        expect((await again.api.me({})).person.name).toBe('Hannah Kowalski');
      } finally {
        await lmsForTool.close();
      }
    } finally {
      await tool.close();
      await dropDisposableDatabase(databaseUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

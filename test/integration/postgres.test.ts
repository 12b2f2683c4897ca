/**
 * The same tool on PostgreSQL (DATABASE_URL=postgres://…): migrations, registration, launches,
 * roster sync and a restart. Runs where TEST_POSTGRES_URL names a server (CI starts one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { apiAs, freshPostgresDatabase, launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const enabled = !!process.env.TEST_POSTGRES_URL;

describe.skipIf(!enabled)('on PostgreSQL', () => {
  let tool: TestTool;
  let lms: TestLms;

  beforeAll(async () => {
    tool = await startTestTool({ databaseUrl: await freshPostgresDatabase() });
    lms = await startTestLms();
    lms.addCourse(sampleProgram());
  });

  afterAll(async () => {
    await tool?.close();
    await lms?.close();
  });

  it('registers, launches, syncs the roster and keeps it all across a restart', async () => {
    expect(tool.app.sql.dialect).toBe('postgres');
    await lms.registerTool(`${tool.url}/register`);
    const staff = await launchAs(lms, tool, { courseId: 'nsl-2026', personId: 'awhitfield' });
    expect((await staff.api.me({})).programRole).toBe('staff');
    const roster = await staff.api.syncRoster({});
    expect(roster.people).toHaveLength(sampleProgram().people.length);
    const mentee = await launchAs(lms, tool, { courseId: 'nsl-2026', personId: 'hkowalski' });
    expect((await mentee.api.me({})).person.name).toBe('Hannah Kowalski');

    tool = await tool.restart();
    expect((await apiAs(tool, mentee.ltik).me({})).programRole).toBe('participant');
    expect((await apiAs(tool, staff.ltik).programPeople({})).people).toHaveLength(sampleProgram().people.length);
  });
});

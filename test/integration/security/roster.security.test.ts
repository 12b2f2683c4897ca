/**
 * Roster sync against an LMS that answers Names and Roles in another format: the sync says how
 * many members it read, warns about entries it could not read, and never reports an empty success.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@mentoring/shared';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { launchAs, startTestTool, type TestTool } from '../../support/tool.ts';

let tool: TestTool;
let lms: TestLms;
let staff: Awaited<ReturnType<typeof launchAs>>;
const MEDIA = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
  await lms.registerTool(`${tool.url}/register`);
  staff = await launchAs(lms, tool, { courseId: 'nsl-2026', personId: 'awhitfield' });
  // A staff launch syncs the roster in the background; the tests' own syncs come after it.
  await vi.waitFor(
    async () => {
      if (!(await staff.api.programPeople({})).syncedAt) throw new Error('the roster is not synced yet');
    },
    { timeout: 20_000, interval: 50 },
  );
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

async function syncWith(answer?: { contentType: string; body: unknown }) {
  lms.addCourse({ ...sampleProgram(), ...(answer && { membershipsAnswer: answer }) });
  try {
    return await staff.api.syncRoster({});
  } finally {
    lms.addCourse(sampleProgram());
  }
}

describe('roster sync', () => {
  it('reports how many members it read from a Names and Roles 2.0 answer', async () => {
    const roster = await syncWith();
    expect(roster.sync).toEqual({ membersRead: sampleProgram().people.length, entriesSkipped: 0, warnings: [] });
  });

  const notNrps: Array<[string, unknown]> = [
    [
      'an LIS 1.0 style memberships list',
      { memberships: sampleProgram().people.map((p) => ({ user: { user_id: p.id } })) },
    ],
    ['a bare JSON list', sampleProgram().people.map((p) => ({ user_id: p.id }))],
    ['members in another shape', { members: sampleProgram().people.map((p) => ({ userId: p.id, role: 'Learner' })) }],
    ['an HTML login page', '<html><body>Please sign in</body></html>'],
  ];
  for (const [what, body] of notNrps) {
    it(`refuses ${what} instead of reporting success with nobody`, async () => {
      const err = await syncWith({ contentType: what.includes('HTML') ? 'text/html' : MEDIA, body }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(502);
      expect((err as ApiError).message).toMatch(/not Names and Roles 2\.0|other than Names and Roles 2\.0/);
      expect((err as ApiError).message).not.toMatch(/SyntaxError|Unexpected token|is not a function/);
    });
  }

  it('warns about the entries it could not read and reports the members it did', async () => {
    const people = sampleProgram().people;
    const members = people.map((p, i) =>
      i < 3
        ? { user_id: { id: p.id }, roles: p.roles }
        : { user_id: p.id, roles: p.roles, name: p.name, status: 'Active' },
    );
    const roster = await syncWith({ contentType: MEDIA, body: { id: 'x', context: { id: 'nsl-2026' }, members } });
    expect(roster.sync?.membersRead).toBe(people.length - 3);
    expect(roster.sync?.entriesSkipped).toBe(3);
    expect(roster.sync?.warnings.join(' ')).toMatch(/3 of the 10 entries/);
  });
});

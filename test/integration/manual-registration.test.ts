/** Manual registration through the `platform` command, as for Canvas, Blackboard and D2L. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { POLL_MS } from '@mentoring/lti-tool/src/db/invalidations.ts';
import { ManualClock } from '../support/clock.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let tool: TestTool;
let lms: TestLms;
const clock = new ManualClock();

async function platformCommand(...args: string[]) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'lti-tool/src/cli/platform.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: tool.dataDir,
      DATABASE_URL: tool.config.databaseUrl,
      PUBLIC_URL: tool.url,
      LTI_KEY: tool.config.ltiKey,
    },
  });
  return stdout;
}

beforeAll(async () => {
  tool = await startTestTool({ clock });
  lms = await startTestLms({ name: 'Canvas-like LMS' });
  lms.addCourse(sampleProgram());
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

describe('platform command', () => {
  it('prints the values an LMS asks for', async () => {
    const out = await platformCommand('values');
    expect(out).toContain(`${tool.url}/login`);
    expect(out).toContain(`${tool.url}/keys`);
    expect(out).toMatch(/Canvas/);
  });

  it('adds, lists and removes a platform; launches follow', async () => {
    const e = lms.endpoints;
    const reg = lms.addTool({
      loginUrl: `${tool.url}/login`,
      launchUrl: `${tool.url}/launch`,
      jwksUrl: `${tool.url}/keys`,
    });
    const added = await platformCommand(
      'add',
      '--issuer',
      lms.url,
      '--client-id',
      reg.clientId,
      '--deployment',
      reg.deploymentId,
      '--auth-url',
      e.auth,
      '--token-url',
      e.token,
      '--jwks-url',
      e.jwks,
      '--name',
      'Canvas-like',
    );
    expect(added).toMatch(/Registered/);
    expect(await platformCommand('list')).toMatch(
      new RegExp(`active\\s+${lms.url}.*${reg.clientId}.*${reg.deploymentId}`),
    );

    const { api } = await launchAs(lms, tool, { courseId: 'nsl-2026', personId: 'wchen', clientId: reg.clientId });
    expect((await api.me({})).person.name).toBe('Wei Chen');

    expect(await platformCommand('remove', '--issuer', lms.url, '--client-id', reg.clientId)).toMatch(/Removed/);
    // The command ran in another process: the tool learns of the removal at its next poll.
    await clock.advance(POLL_MS);
    await expect(
      launchAs(lms, tool, { courseId: 'nsl-2026', personId: 'wchen', clientId: reg.clientId }),
    ).rejects.toThrow(/not registered/);
  }, 120_000);

  it('explains its usage when arguments are missing', async () => {
    await expect(platformCommand('add', '--issuer', lms.url)).rejects.toMatchObject({
      stderr: expect.stringMatching(/--\w[\w-]* is required/),
    });
  });
});

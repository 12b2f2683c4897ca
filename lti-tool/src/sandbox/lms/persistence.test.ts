import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from './browser-launch.ts';
import { startFakeTool, type FakeTool } from './fake-tool.ts';
import { Scope, startTestLms, type TestLms } from './index.ts';
import { sampleProgram } from './sample.ts';

let dir: string;
let tool: FakeTool;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'test-lms-'));
  tool = await startFakeTool();
});
afterAll(async () => {
  await tool.close();
  await rm(dir, { recursive: true, force: true });
});

/** An access token for the line item scope, as the tool would get it. */
async function lineItemToken(lms: TestLms, clientId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const assertion = await tool.sign({
    iss: clientId,
    sub: clientId,
    aud: lms.endpoints.token,
    jti: crypto.randomUUID(),
    exp: now + 60,
  });
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope: Scope.lineItem,
  });
  return ((await (await fetch(lms.endpoints.token, { method: 'POST', body })).json()) as { access_token: string })
    .access_token;
}

it('keeps keys, tools, courses, line items and access tokens across a restart with a state file', async () => {
  const stateFile = join(dir, 'lms.json');
  const first = await startTestLms({ stateFile });
  first.addCourse(sampleProgram());
  const registered = await first.registerTool(`${tool.url}/register`);
  const jwks = await (await fetch(first.endpoints.jwks)).json();
  const token = await lineItemToken(first, registered.clientId);
  const created = await fetch(`${first.url}/api/lti/courses/nsl-2026/lineitems`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v2.lineitem+json' },
    body: JSON.stringify({ label: 'Checkpoint', scoreMaximum: 1 }),
  });
  expect(created.status).toBe(201);
  await first.close();

  const second = await startTestLms({ stateFile });
  try {
    expect(await (await fetch(second.endpoints.jwks)).json()).toEqual(jwks);
    expect(second.tools()).toEqual([registered]);
    expect(second.courses()).toEqual([sampleProgram()]);
    const { ltik } = await launch(second, { courseId: 'nsl-2026', personId: 'wchen' });
    expect(ltik).toBeTruthy();
    const items = await fetch(`${second.url}/api/lti/courses/nsl-2026/lineitems`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await items.json()).toEqual(second.lineItems('nsl-2026'));
    expect(second.lineItems('nsl-2026')).toMatchObject([{ label: 'Checkpoint', scoreMaximum: 1 }]);
  } finally {
    await second.close();
  }
});

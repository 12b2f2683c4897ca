/**
 * The sandbox for `npm start` without an LMS: the test LMS from `test/lms` starts beside the tool,
 * registers it through Dynamic Registration (once; both remember it in data/), and offers
 * "Launch as …" for a sample leadership program.
 */
import path from 'node:path';
import type { ToolConfig } from './config.ts';
import type { RunningTool } from './server.ts';
import { listPlatforms } from './services/registration.ts';

export async function startSandbox(tool: RunningTool, config: ToolConfig) {
  // Loaded only here: the test LMS is a development aid, not part of the tool.
  const { startTestLms } = await import('@mentoring/test/lms/index.ts');
  const { sampleProgram } = await import('@mentoring/test/lms/sample.ts');
  const lms = await startTestLms({
    port: config.sandboxPort,
    name: 'Sandbox LMS',
    stateFile: path.join(config.dataDir, 'sandbox-lms.json'),
  });
  lms.addCourse(sampleProgram());
  const registered = await listPlatforms(tool.app);
  const known = lms.tools().some((t) => registered.some((p) => p.issuer === lms.url && p.clientId === t.clientId));
  if (!known) await lms.registerTool(`${config.publicUrl}/register`);
  return { url: `${lms.url}/courses/${sampleProgram().id}`, close: () => lms.close() };
}

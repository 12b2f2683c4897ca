/**
 * The sandbox for `npm start` without an LMS: the test LMS (`./lms`) starts beside the tool,
 * registers it through Dynamic Registration (once; both remember it in data/), and offers
 * "Launch as …" for a sample leadership program, also in a course that launches as Moodle does.
 */
import path from 'node:path';
import type { ToolConfig } from '../config.ts';
import type { RunningTool } from '../server.ts';
import { listPlatforms } from '../services/registration.ts';
import { SAMPLE_READINGS_DIR } from './lms/readings.ts';
import type { Mailbox } from './mailbox.ts';

export async function startSandbox(tool: RunningTool, config: ToolConfig, mailbox?: Mailbox) {
  // Loaded only here: the test LMS is a development aid, not part of the tool.
  const { startTestLms } = await import('./lms/index.ts');
  const { sampleMoodleProgram, sampleProgram } = await import('./lms/sample.ts');
  const { populateSampleProgram } = await import('./populate.ts');
  const lms = await startTestLms({
    port: config.sandboxPort,
    name: 'Sandbox LMS',
    stateFile: path.join(config.dataDir, 'sandbox-lms.json'),
    readingsDir: SAMPLE_READINGS_DIR,
    ...(mailbox && { mailbox }),
  });
  lms.addCourse(sampleProgram());
  // Launches as Moodle does (POST login, single-use hint, no Platform Storage), to try cookie-blocked browsers.
  lms.addCourse(sampleMoodleProgram());
  const registered = await listPlatforms(tool.app);
  const known = lms.tools().some((t) => registered.some((p) => p.issuer === lms.url && p.clientId === t.clientId));
  if (!known) await lms.registerTool(`${config.publicUrl}/register`);
  try {
    if (await populateSampleProgram(lms, { url: config.publicUrl, app: tool.app }, `${lms.url}/readings`))
      tool.app.log.info('sandbox program filled with sample partnerships');
  } catch (err) {
    tool.app.log.warn({ err }, 'could not fill the sandbox program');
  }
  return { url: `${lms.url}/courses/${sampleProgram().id}`, close: () => lms.close() };
}

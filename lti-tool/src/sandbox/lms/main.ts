/** Starts a standalone sandbox LMS with the sample program: `npm run lms -w test` (port from LMS_PORT, default 5410). */
import { startTestLms } from './index.ts';
import { sampleProgram } from './sample.ts';

const lms = await startTestLms({
  port: Number(process.env.LMS_PORT ?? 5410),
  stateFile: process.env.LMS_STATE_FILE,
});
lms.addCourse(sampleProgram());
console.log(`Sandbox LMS: ${lms.url}
  register a tool:        ${lms.url}/admin/register
  OpenID configuration:   ${lms.endpoints.openidConfiguration}
  for manual setup:       issuer ${lms.url}, auth ${lms.endpoints.auth}, token ${lms.endpoints.token}, keys ${lms.endpoints.jwks}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void lms.close().then(() => process.exit(0)));
}

/**
 * `npm start`: the tool on its embedded SQLite default and, unless SANDBOX=off or production mode,
 * a sandbox LMS beside it, registered through Dynamic Registration, with "Launch as …" buttons.
 */
import { loadConfig, ConfigError } from './config.ts';
import { startTool } from './server.ts';
import { startSandbox } from './sandbox/index.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // The sandbox receives the tool's e-mail itself unless an SMTP server is configured.
  const mailbox =
    config.sandbox && !config.mail.smtpUrl ? await (await import('./sandbox/mailbox.ts')).startMailbox() : undefined;
  if (mailbox) config = { ...config, mail: { ...config.mail, smtpUrl: mailbox.smtpUrl } };
  const tool = await startTool(config);
  console.log(`Mentoring workspaces is running at ${config.publicUrl}`);
  console.log(`  Registration URL for LMSs (Dynamic Registration): ${config.publicUrl}/register`);
  console.log(`  Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  let sandbox: { url: string; close(): Promise<void> } | undefined;
  if (config.sandbox) {
    sandbox = await startSandbox(tool, config, mailbox);
    console.log(`\nSandbox LMS: open ${sandbox.url} and choose "Launch as …" for any sample person.`);
    if (mailbox) console.log(`  E-mail goes to the sandbox's own receiver: see "Mail" beside each person there.`);
  }
  // A process manager's stop (SIGTERM) or Ctrl-C: finish what is in flight, then exit; a second
  // signal exits at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping (requests in flight are answered first)`);
    void Promise.all([sandbox?.close(), tool.close().then(() => mailbox?.close())]).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

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
  const tool = await startTool(config);
  console.log(`Mentoring workspaces is running at ${config.publicUrl}`);
  console.log(`  Registration URL for LMSs (Dynamic Registration): ${config.publicUrl}/register`);
  console.log(`  Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  let sandbox: { url: string; close(): Promise<void> } | undefined;
  if (config.sandbox) {
    sandbox = await startSandbox(tool, config);
    console.log(`\nSandbox LMS: open ${sandbox.url} and choose "Launch as …" for any sample person.`);
  }
  const stop = async () => {
    await sandbox?.close();
    await tool.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

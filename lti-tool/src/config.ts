/**
 * Configuration from the environment, in one place. The README's configuration table lists the
 * same variables; production mode refuses unsafe values instead of running with them.
 */
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { SQLITE_SYNCHRONOUS_MODES, type SqliteSynchronous } from './db/database.ts';

export interface ToolConfig {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  ltiKey: string;
  production: boolean;
  sandbox: boolean;
  sandboxPort: number;
  autoActivatePlatforms: boolean;
  launchSessionHours: number;
  logLevel: string;
  dataDir: string;
  sqliteSynchronous: SqliteSynchronous;
  /** How long a stopping tool lets requests in flight finish before it closes their connections. */
  stopGraceMs: number;
}

const DEFAULT_KEY = 'development-only-lti-key-change-me';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  const config: ToolConfig = {
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'mentoring.sqlite')}`,
    ltiKey: env.LTI_KEY ?? DEFAULT_KEY,
    production,
    sandbox: !production && (env.SANDBOX ?? 'on') !== 'off',
    sandboxPort: Number(env.SANDBOX_PORT ?? 5410),
    autoActivatePlatforms: (env.AUTO_ACTIVATE_PLATFORMS ?? 'on') !== 'off',
    launchSessionHours: Number(env.LAUNCH_SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    dataDir,
    sqliteSynchronous: (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase() as SqliteSynchronous,
    stopGraceMs: Number(env.STOP_GRACE_SECONDS ?? 10) * 1000,
  };
  const problems = unsafeSettings(config);
  if (production && problems.length) {
    throw new ConfigError(`Refusing to start in production mode:\n- ${problems.join('\n- ')}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  if (!SQLITE_SYNCHRONOUS_MODES.includes(config.sqliteSynchronous))
    throw new ConfigError(
      `SQLITE_SYNCHRONOUS must be one of ${SQLITE_SYNCHRONOUS_MODES.join(', ')}, got "${env.SQLITE_SYNCHRONOUS}".`,
    );
  if (!Number.isFinite(config.stopGraceMs) || config.stopGraceMs < 0)
    throw new ConfigError(`STOP_GRACE_SECONDS must be a number of seconds, got "${env.STOP_GRACE_SECONDS}".`);
  return config;
}

/** What would make a production deployment unsafe, in words an operator can act on. */
export function unsafeSettings(c: ToolConfig): string[] {
  const problems: string[] = [];
  if (c.ltiKey === DEFAULT_KEY) problems.push('LTI_KEY is the development default; set a long random secret.');
  else if (c.ltiKey.length < 32) problems.push('LTI_KEY is shorter than 32 characters; use a long random secret.');
  if (!c.publicUrl.startsWith('https://'))
    problems.push(`PUBLIC_URL (${c.publicUrl}) is not HTTPS; LMS iframes need HTTPS for their cookies.`);
  return problems;
}

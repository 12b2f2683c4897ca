/**
 * Configuration from the environment, in one place. The README's configuration table lists the
 * same variables; production mode refuses unsafe values instead of running with them.
 */
import path from 'node:path';
import type { RateLimitSettings } from './services/rate-limits.ts';

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
  /** Tries per address before a 429 (0: no limit). */
  rateLimits: RateLimitSettings;
  /** How many reverse proxies in front of the tool append to X-Forwarded-For (0: none is trusted). */
  trustProxyHops: number;
}

const DEFAULT_KEY = 'development-only-lti-key-change-me';
const ROOT = path.resolve(import.meta.dirname, '../..');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
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
    rateLimits: {
      pairingPer10Minutes: count(env, 'RATE_LIMIT_PAIRING', 20),
      loginPerMinute: count(env, 'RATE_LIMIT_LOGIN', 600),
      registerPerHour: count(env, 'RATE_LIMIT_REGISTER', 30),
    },
    trustProxyHops: count(env, 'TRUST_PROXY_HOPS', 0),
  };
  const problems = unsafeSettings(config);
  if (production && problems.length) {
    throw new ConfigError(`Refusing to start in production mode:\n- ${problems.join('\n- ')}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  return config;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number (0 or more), got "${raw}".`);
  return n;
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

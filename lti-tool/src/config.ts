/**
 * Configuration from the environment, parsed by one schema. The README's configuration table lists
 * the same variables; a value that does not parse stops the start with a message naming the variable,
 * and production mode refuses unsafe values instead of running with them.
 */
import path from 'node:path';
import { z } from 'zod';
import type { RateLimitSettings } from './services/rate-limits.ts';
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
  /** Tries per address before a 429 (0: no limit). */
  rateLimits: RateLimitSettings;
  /** How many reverse proxies in front of the tool append to X-Forwarded-For (0: none is trusted). */
  trustProxyHops: number;
  sqliteSynchronous: SqliteSynchronous;
  /** How long a stopping tool lets requests in flight finish before it closes their connections. */
  stopGraceMs: number;
  /** Origins allowed to frame the tool besides the registered platforms' (FRAME_ANCESTORS). */
  frameAncestors: string[];
  /** Dynamic Registration may fetch private, loopback and link-local addresses (always outside production). */
  registrationAllowPrivate: boolean;
  /** Where people get the extension: store listings (optional) and the folder `wxt zip` writes its packages to. */
  extension: { chromeStoreUrl: string | null; firefoxStoreUrl: string | null; packagesDir: string };
  /** E-mail notices (off without SMTP_URL: people get in-app notices only). */
  mail: MailSettings;
}

export interface MailSettings {
  smtpUrl: string | null;
  from: string;
  /** How long before a conversation both partners are reminded of it. */
  reminderLeadHours: number;
  /** The hour (UTC) daily digests go out. */
  digestHourUtc: number;
}

const DEFAULT_KEY = 'development-only-lti-key-change-me';

export class ConfigError extends Error {}

const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a port number (0–65535)')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a port number (0–65535)'))
    .default(fallback);
const count = (fallback: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number (0 or more)').transform(Number).default(fallback);
const onOff = z.enum(['on', 'off'], 'must be "on" or "off"').default('on');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables the tool reads (README, "Configuration"); unknown ones are left alone. */
const Env = z.object({
  NODE_ENV: z.string().optional(),
  PORT: port(3000),
  HOST: z.string().min(1, 'must name an address').optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  LTI_KEY: z.string().min(1, 'must not be empty').optional(),
  SANDBOX: onOff,
  SANDBOX_PORT: port(5410),
  AUTO_ACTIVATE_PLATFORMS: onOff,
  LAUNCH_SESSION_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of hours, like 12')
    .transform(Number)
    .pipe(
      z
        .number()
        .positive('must be more than 0 hours')
        .max(24 * 31, 'must be at most 744 hours (31 days)'),
    )
    .default(12),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).optional(),
  DATA_DIR: z.string().min(1, 'must name a folder').optional(),
  RATE_LIMIT_PAIRING: count(20),
  RATE_LIMIT_LOGIN: count(600),
  RATE_LIMIT_REGISTER: count(30),
  TRUST_PROXY_HOPS: count(0),
  SQLITE_SYNCHRONOUS: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(SQLITE_SYNCHRONOUS_MODES, `must be one of ${SQLITE_SYNCHRONOUS_MODES.join(', ')}`))
    .default('NORMAL'),
  STOP_GRACE_SECONDS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds, like 10')
    .transform(Number)
    .default(10),
  FRAME_ANCESTORS: z.string().optional(),
  REGISTRATION_ALLOW_PRIVATE: z.enum(['on', 'off'], 'must be "on" or "off"').default('off'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3, 'must be an address like "Mentoring <mentoring@school.example>"').optional(),
  REMINDER_LEAD_HOURS: count(24).pipe(z.number().min(1, 'must be at least 1 hour')),
  DIGEST_HOUR_UTC: count(7).pipe(z.number().max(23, 'must be an hour from 0 to 23')),
  EXTENSION_CHROME_STORE_URL: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).optional(),
  EXTENSION_FIREFOX_STORE_URL: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).optional(),
  EXTENSION_PACKAGES_DIR: z.string().min(1, 'must name a folder').optional(),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])} ${issue.message}`;
    });
    throw new ConfigError(`The configuration has bad values:\n- ${lines.join('\n- ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  const config: ToolConfig = {
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'mentoring.sqlite')}`,
    ltiKey: e.LTI_KEY ?? DEFAULT_KEY,
    production,
    sandbox: !production && e.SANDBOX === 'on',
    sandboxPort: e.SANDBOX_PORT,
    autoActivatePlatforms: e.AUTO_ACTIVATE_PLATFORMS === 'on',
    launchSessionHours: e.LAUNCH_SESSION_HOURS,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    dataDir,
    rateLimits: {
      pairingPer10Minutes: e.RATE_LIMIT_PAIRING,
      loginPerMinute: e.RATE_LIMIT_LOGIN,
      registerPerHour: e.RATE_LIMIT_REGISTER,
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    stopGraceMs: e.STOP_GRACE_SECONDS * 1000,
    frameAncestors: (e.FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean),
    registrationAllowPrivate: !production || e.REGISTRATION_ALLOW_PRIVATE === 'on',
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `Mentoring workspace <no-reply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
      reminderLeadHours: e.REMINDER_LEAD_HOURS,
      digestHourUtc: e.DIGEST_HOUR_UTC,
    },
    extension: {
      chromeStoreUrl: e.EXTENSION_CHROME_STORE_URL ?? null,
      firefoxStoreUrl: e.EXTENSION_FIREFOX_STORE_URL ?? null,
      packagesDir: path.resolve(e.EXTENSION_PACKAGES_DIR ?? path.join(REPO_ROOT, 'extension/.output')),
    },
  };
  const problems = unsafeSettings(config);
  if (production && problems.length) {
    throw new ConfigError(`Refusing to start in production mode:\n- ${problems.join('\n- ')}`);
  }
  return config;
}

/** What would make a production deployment unsafe, in words an operator can act on. */
export function unsafeSettings(c: ToolConfig): string[] {
  const problems: string[] = [];
  if (c.ltiKey === DEFAULT_KEY) problems.push('LTI_KEY is the development default; set a long random secret.');
  else if (c.ltiKey.length < 32) problems.push('LTI_KEY is shorter than 32 characters; use a long random secret.');
  if (!c.publicUrl.startsWith('https://'))
    problems.push(`PUBLIC_URL (${c.publicUrl}) is not HTTPS; LMS iframes need HTTPS for their cookies.`);
  for (const origin of c.frameAncestors)
    if (!/^https?:\/\/[^/\s;,'"]+$/.test(origin))
      problems.push(`FRAME_ANCESTORS entry "${origin}" is not an origin like https://lms.example.edu.`);
  return problems;
}

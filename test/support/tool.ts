/**
 * Starts the real tool in-process for tests: a real SQLite file in a fresh folder (or the
 * PostgreSQL database named by TEST_DATABASE_URL), real ltijs, the real HTTP routes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient, type CreatePartnership } from '@mentoring/shared';
import { loadConfig, type ToolConfig } from '@mentoring/lti-tool/src/config.ts';
import { startTool, type RunningTool } from '@mentoring/lti-tool/src/server.ts';
import { launch, type LaunchOptions } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import type { Clock } from '@mentoring/lti-tool/src/clock.ts';

export interface TestTool extends RunningTool {
  config: ToolConfig;
  dataDir: string;
  /** Stops and starts the tool on the same database, as a restart would. */
  restart(): Promise<TestTool>;
}

export function tempDir(prefix = 'mentoring-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh, empty PostgreSQL database on the server named by TEST_POSTGRES_URL (CI starts one),
 * so each test tool starts clean as it does on a fresh SQLite file.
 */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error('TEST_POSTGRES_URL is not set');
  const { Sequelize } = await import('sequelize');
  const name = `mentoring_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const server = new Sequelize(admin, { logging: false });
  try {
    await server.query(`CREATE DATABASE ${name}`);
  } finally {
    await server.close();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by {@link freshPostgresDatabase} once its tool has stopped. */
export async function dropDisposableDatabase(databaseUrl: string | undefined) {
  const admin = process.env.TEST_POSTGRES_URL;
  const name = databaseUrl && /^postgres/.test(databaseUrl) ? new URL(databaseUrl).pathname.slice(1) : '';
  if (!admin || !name.startsWith('mentoring_test_')) return;
  const { Sequelize } = await import('sequelize');
  const server = new Sequelize(admin, { logging: false });
  try {
    // An autovacuum worker (a superuser's backend) on the new database cannot be ended by the test
    // role: the drop is tried again until it has finished, and the database is left if it never does.
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (err) {
        if (!/must be a member of the role/.test(String(err))) throw err;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await server.close();
  }
}

export async function startTestTool(
  opts: {
    dataDir?: string;
    port?: number;
    env?: Record<string, string>;
    databaseUrl?: string;
    /** Settings the environment cannot give a test tool (production mode on plain-HTTP loopback). */
    config?: Partial<ToolConfig>;
    /** The tool's clock; a `ManualClock` lets the test move time. */
    clock?: Clock;
    /** Leave a disposable PostgreSQL database in place at close (a restore test reopens it). */
    keepDatabase?: boolean;
  } = {},
): Promise<TestTool> {
  const dataDir = opts.dataDir ?? tempDir();
  const port = opts.port ?? 0;
  // The vitest project `postgres` runs every integration test on a fresh PostgreSQL database.
  if (!opts.databaseUrl && process.env.TEST_DATABASE === 'postgres')
    opts = { ...opts, databaseUrl: await freshPostgresDatabase() };
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    SANDBOX: 'off',
    DATA_DIR: dataDir,
    PORT: String(port),
    LTI_KEY: 'test-lti-key-that-is-long-enough-1234567890',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  let config = loadConfig(env);
  // A random port is only known after listening; PUBLIC_URL must name it, so listen first when needed.
  if (port === 0) config = { ...config, port: await freePort() };
  config = { ...config, publicUrl: `http://127.0.0.1:${config.port}`, ...opts.config };
  const tool = await startTool(config, { clock: opts.clock });
  return {
    ...tool,
    config,
    dataDir,
    async close() {
      await tool.close();
      if (!opts.keepDatabase) await dropDisposableDatabase(opts.databaseUrl);
    },
    async restart() {
      await tool.close();
      return startTestTool({ ...opts, dataDir, port: config.port });
    },
  };
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** An API client for the tool authenticated by a bearer token (a launch's ltik or a browser token). */
export function apiAs(tool: { url: string }, token: string, extra: { origin?: string } = {}): ApiClient {
  return createApiClient({
    baseUrl: tool.url,
    getToken: () => token,
    fetch: extra.origin
      ? (input, init) =>
          fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: extra.origin! } })
      : undefined,
  });
}

/** Launches a person from a course and answers an API client carrying their ltik. */
export async function launchAs(lms: TestLms, tool: { url: string }, opts: Omit<LaunchOptions, 'toolUrl'>) {
  const result = await launch(lms, { ...opts, toolUrl: tool.url });
  await result.finalResponse.body?.cancel();
  return { ...result, api: apiAs(tool, result.ltik) };
}

/**
 * Staff form a mentoring partnership of a mentor and a mentee, each known to the tool by a launch of
 * their own; the roster is synced first, as a coordinator does.
 */
export async function formPartnership(
  staff: ApiClient,
  mentor: ApiClient,
  mentee: ApiClient,
  more: Omit<CreatePartnership, 'kind' | 'members'> = {},
) {
  await staff.syncRoster({});
  const [mentorMe, menteeMe] = await Promise.all([mentor.me({}), mentee.me({})]);
  return staff.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: mentorMe.person.id, role: 'mentor' },
        { personId: menteeMe.person.id, role: 'mentee' },
      ],
      ...more,
    },
  });
}

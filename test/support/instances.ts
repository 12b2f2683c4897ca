/**
 * Several tool processes on one database behind a real load balancer, as an operator runs them:
 * HAProxy (Debian's package) in round robin without stickiness, started on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dropDisposableDatabase, freePort, freshPostgresDatabase, tempDir } from './tool.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => fs.existsSync(p));
export const LTI_KEY = 'instances-test-lti-key-that-is-long-enough-1234567890';

/** Polls `check` until it holds, for at most `ms`. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const answers = (url: string) => async () => (await fetch(url)).ok;

export interface ToolProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<number | null>;
}

/** Waits for `child` to exit; answers its code. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** One tool process (from source, through tsx) on `databaseUrl`, reached by browsers at `publicUrl`. */
export async function startToolProcess(opts: {
  databaseUrl: string;
  publicUrl: string;
  dataDir: string;
  port?: number;
}): Promise<ToolProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'lti-tool/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      SANDBOX: 'off',
      PORT: String(port),
      PUBLIC_URL: opts.publicUrl,
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: opts.dataDir,
      LTI_KEY,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `the tool on port ${port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`The tool exited (${child.exitCode}): ${out}`);
        return (await fetch(`${url}/readyz`)).ok;
      },
      90_000,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    process: child,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}

export interface LoadBalancer {
  url: string;
  config: string;
  close(): Promise<void>;
}

/**
 * The HAProxy configuration the README's Deployment section shows: round robin, no stickiness,
 * /readyz as the health check, a request id passed on, and the serving instance named in a header
 * (so tests can see that both served).
 */
export function haproxyConfig(bind: string, backends: string[]): string {
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 10s
  # A busy instance may answer its health check slowly; that is not a down one.
  timeout check 5s
  option http-server-close
  # A stopping instance refuses new connections: the request goes to another one.
  retries 3
  option redispatch 1

frontend mentoring
  bind ${bind}
  http-request set-header X-Request-Id %[uuid()] unless { req.hdr(X-Request-Id) -m found }
  default_backend tools

backend tools
  balance roundrobin
  option httpchk GET /readyz
  http-response set-header X-Served-By %s
${backends.map((b, i) => `  server tool${i + 1} ${new URL(b).host} check inter 1s fall 3 rise 1`).join('\n')}
`;
}

/** HAProxy on `port` in front of `backends`. */
export async function startHaproxy(port: number, backends: string[]): Promise<LoadBalancer> {
  if (!HAPROXY) throw new Error('HAProxy is not installed (apt-get install haproxy).');
  const dir = tempDir('mentoring-haproxy-');
  const file = path.join(dir, 'haproxy.cfg');
  const config = haproxyConfig(`127.0.0.1:${port}`, backends);
  fs.writeFileSync(file, config);
  const check = spawnSync(HAPROXY, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`HAProxy refused its configuration: ${check.stderr}${check.stdout}`);
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('HAProxy', async () => {
    if (child.exitCode !== null) throw new Error(`HAProxy exited: ${err}`);
    return answers(`${url}/healthz`)();
  });
  return {
    url,
    config,
    async close() {
      child.kill('SIGTERM');
      await exited(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where the instances keep their data: one SQLite file, or a fresh PostgreSQL database in the postgres project. */
export async function sharedDatabase(dataDir: string): Promise<string> {
  return process.env.TEST_DATABASE === 'postgres'
    ? freshPostgresDatabase()
    : `sqlite:${path.join(dataDir, 'shared.sqlite')}`;
}

export interface Cluster {
  lb: LoadBalancer;
  tools: ToolProcess[];
  databaseUrl: string;
  close(): Promise<void>;
}

/** `count` tool processes on one database (started one after the other: the first migrates) behind HAProxy. */
export async function startCluster(count = 2): Promise<Cluster> {
  const dataDir = tempDir('mentoring-instances-');
  const databaseUrl = await sharedDatabase(dataDir);
  const lbPort = await freePort();
  const publicUrl = `http://127.0.0.1:${lbPort}`;
  const tools: ToolProcess[] = [];
  for (let i = 0; i < count; i++) tools.push(await startToolProcess({ databaseUrl, publicUrl, dataDir }));
  const lb = await startHaproxy(
    lbPort,
    tools.map((t) => t.url),
  );
  return {
    lb,
    tools,
    databaseUrl,
    async close() {
      await lb.close();
      await Promise.all(tools.map((t) => t.stop()));
      await dropDisposableDatabase(databaseUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

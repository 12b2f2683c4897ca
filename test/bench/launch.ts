/**
 * `npm run bench:launch`: complete launches per second (login initiation through the app's first
 * API answer) at 20 concurrent, the tool against a bare ltijs app on the same SQLite settings (see
 * bare-ltijs.ts), taken in alternating rounds (bare first in odd rounds, the tool first in even
 * ones) so that neither side gets the quieter moments of a shared machine; every concurrent client
 * launches as its own person, so no two launches in flight share one. Failures are counted apart
 * and never counted as launches. Printed: each round's figures and ratio, the ratio's median and
 * spread over rounds, single-launch p50/p95 over all rounds, each server's CPU time per launch (steadier
 * than launches per second on a shared machine), and GET /api/me at 20 concurrent.
 * Each server runs in its own process on a fresh SQLite file, both compiled to plain JavaScript as
 * the tool's production build is (no TypeScript loader); the test LMS and the clients run here.
 */
import fs from 'node:fs';
import { startTestLms, lmsPerson, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { freePort, tempDir } from '../support/tool.ts';
import { startProcess, type ServerProcess } from './processes.ts';
import { hammer, percentile } from './load.ts';

const CONCURRENCY = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SINGLE_PER_ROUND = Number(process.env.BENCH_SINGLE ?? 30);
const COURSE = 'bench-launch';
const LTI_KEY = 'bench-key-long-enough-0123456789abcdef';
/** BENCH_PROFILE=dir: both servers write a V8 CPU profile there when they stop (node --cpu-prof). */
const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

interface Side {
  label: string;
  server: ServerProcess;
  clientId: string;
  perSecond: number[];
  single: number[];
  failed: number;
  firstError?: string;
  /** CPU time the server process spent during the concurrent rounds, and the launches it served. */
  cpuMs: number;
  cpuLaunches: number;
}

/**
 * CPU time (user + system) a process has used so far, from /proc: on a shared machine it varies
 * less than launches per second, since other processes' load shows in wall time, not in this.
 */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** One complete launch: login, LMS auth, id_token post, the app page, then the first API answer. */
async function fullLaunch(lms: TestLms, side: Side, personId: string): Promise<void> {
  const result = await launch(lms, { courseId: COURSE, personId, clientId: side.clientId });
  await result.finalResponse.text();
  const headers: Record<string, string> = { authorization: `Bearer ${result.ltik}` };
  const cookie = result.jar.header(side.server.url);
  if (cookie) headers.cookie = cookie;
  const me = await fetch(`${side.server.url}/api/me`, { headers });
  if (!me.ok) throw new Error(`first API answer: ${me.status} ${await me.text()}`);
  await me.arrayBuffer();
}

/** Client `i` launches as person `i` only: concurrent launches never share a person. */
const person = (i: number) => `learner-${i}`;

async function concurrentRound(lms: TestLms, side: Side) {
  let done = 0;
  const cpuBefore = cpuMsOf(side.server.process.pid);
  const until = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      while (performance.now() < until) {
        try {
          await fullLaunch(lms, side, person(i));
          done++;
        } catch (err) {
          side.failed++;
          side.firstError ??= (err as Error).message.slice(0, 200);
        }
      }
    }),
  );
  side.perSecond.push(done / ((performance.now() - start) / 1000));
  side.cpuMs += cpuMsOf(side.server.process.pid) - cpuBefore;
  side.cpuLaunches += done;
}

async function singleLaunches(lms: TestLms, side: Side) {
  for (let i = 0; i < SINGLE_PER_ROUND; i++) {
    const t = performance.now();
    try {
      await fullLaunch(lms, side, person(i % CONCURRENCY));
      side.single.push(performance.now() - t);
    } catch (err) {
      side.failed++;
      side.firstError ??= (err as Error).message.slice(0, 200);
    }
  }
}

const median = (xs: number[]) => percentile(xs, 50);
const pad = (cells: string[], first = 16, rest = 13) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(first) : c.padStart(rest))).join('');

async function main() {
  const lms = await startTestLms({ name: 'Benchmark LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Launch benchmark',
    people: Array.from({ length: CONCURRENCY }, (_, i) => lmsPerson(person(i), `Learner ${i}`, [Role.Learner])),
  });
  const env = { SANDBOX: 'off', LOG_LEVEL: 'silent', LTI_KEY };
  const toolPort = await freePort();
  const tool = await startProcess('lti-tool/src/main.ts', {
    env: {
      ...env,
      PORT: String(toolPort),
      PUBLIC_URL: `http://127.0.0.1:${toolPort}`,
      DATA_DIR: tempDir('bench-tool-'),
      // Every launch comes from this one address: the limit is counted as usual but never reached.
      RATE_LIMIT_LOGIN: '100000000',
    },
    nodeArgs,
    compiled: true,
    ready: /running at (http:\/\/\S+)/,
  });
  const barePort = await freePort();
  const bare = await startProcess('test/bench/bare-ltijs.ts', {
    args: [String(barePort), tempDir('bench-bare-')],
    env,
    nodeArgs,
    compiled: true,
    ready: /ready (http:\/\/\S+)/,
  });
  try {
    const sides: Side[] = [];
    for (const [label, server] of [
      ['bare ltijs', bare],
      ['mentoring tool', tool],
    ] as const) {
      const { clientId } = await lms.registerTool(`${server.url}/register`);
      sides.push({ label, server, clientId, perSecond: [], single: [], failed: 0, cpuMs: 0, cpuLaunches: 0 });
    }
    const [bareSide, toolSide] = sides as [Side, Side];
    // Warm-up: every person launched once on each side (the tool records them on first launch).
    for (const side of sides) for (let i = 0; i < CONCURRENCY; i++) await fullLaunch(lms, side, person(i));

    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [bareSide, toolSide] : [toolSide, bareSide];
      for (const side of order) await concurrentRound(lms, side);
      for (const side of order) await singleLaunches(lms, side);
    }
    const ratios = toolSide.perSecond.map((t, i) => t / bareSide.perSecond[i]!);

    const { ltik } = await launch(lms, { courseId: COURSE, personId: person(0), clientId: toolSide.clientId });
    const me = await hammer({
      url: `${tool.url}/api/me`,
      headers: { authorization: `Bearer ${ltik}` },
      concurrency: CONCURRENCY,
      seconds: 5,
    });

    console.log(
      `\nLaunch benchmark (SQLite, same settings both sides; ${ROUNDS} alternating rounds of ${CONCURRENCY} concurrent ` +
        `for ${SECONDS} s, then ${SINGLE_PER_ROUND} single launches each; ${CONCURRENCY} distinct people)`,
    );
    console.log(pad(['round', 'first', 'bare /s', 'tool /s', 'ratio']));
    ratios.forEach((r, i) =>
      console.log(
        pad([
          String(i + 1),
          i % 2 === 0 ? 'bare' : 'tool',
          bareSide.perSecond[i]!.toFixed(1),
          toolSide.perSecond[i]!.toFixed(1),
          r.toFixed(2),
        ]),
      ),
    );
    console.log(`\n${pad(['', 'launches/s', 'single p50', 'single p95', 'failed', 'CPU/launch'])}`);
    for (const s of sides) {
      console.log(
        pad([
          s.label,
          median(s.perSecond).toFixed(1),
          `${median(s.single).toFixed(1)} ms`,
          `${percentile(s.single, 95).toFixed(1)} ms`,
          String(s.failed),
          `${(s.cpuMs / s.cpuLaunches).toFixed(1)} ms`,
        ]),
      );
      if (s.firstError) console.log(`  first failure (${s.label}): ${s.firstError}`);
    }
    console.log(
      `\nratio tool / bare ltijs launches per second: median ${median(ratios).toFixed(2)}, ` +
        `range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} over ${ROUNDS} rounds (target ≥ 0.8)`,
    );
    console.log(
      `server CPU per launch (concurrent rounds): tool ${(toolSide.cpuMs / toolSide.cpuLaunches).toFixed(1)} ms, ` +
        `bare ltijs ${(bareSide.cpuMs / bareSide.cpuLaunches).toFixed(1)} ms`,
    );
    console.log(`single-launch p95 (tool): ${percentile(toolSide.single, 95).toFixed(1)} ms (target < 40 ms)`);
    console.log(
      `GET /api/me @${CONCURRENCY}: ${me.rps.toFixed(0)} requests/s, p95 ${me.p95.toFixed(2)} ms, errors ${me.errors} (target ≥ 3,000/s)`,
    );
  } finally {
    tool.process.kill('SIGTERM');
    bare.process.kill('SIGTERM');
    await lms.close();
  }
}

await main();
process.exit(0);

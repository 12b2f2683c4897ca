/**
 * `npm run bench:launch`: complete launches per second (login initiation through the app's first
 * API answer) at 20 concurrent, for the tool and for a bare ltijs app in the same run; single-launch
 * p50/p95; and GET /api/me at 20 concurrent. Each server runs in its own process on a fresh SQLite
 * file; the test LMS and the clients run here.
 */
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { launch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { freePort, tempDir } from '../support/tool.ts';
import { startProcess, type ServerProcess } from './processes.ts';
import { hammer, percentile } from './load.ts';

const CONCURRENCY = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SINGLE_LAUNCHES = Number(process.env.BENCH_SINGLE ?? 100);

type Server = ServerProcess;

/** One complete launch: login, LMS auth, id_token post, the app page, then the first API answer. */
async function fullLaunch(lms: TestLms, server: Server, personId: string, clientId: string): Promise<void> {
  const result = await launch(lms, { courseId: 'nsl-2026', personId, clientId });
  await result.finalResponse.text();
  const headers: Record<string, string> = { authorization: `Bearer ${result.ltik}` };
  const cookie = result.jar.header(server.url);
  if (cookie) headers.cookie = cookie;
  const me = await fetch(`${server.url}/api/me`, { headers });
  if (!me.ok) throw new Error(`first API answer: ${me.status} ${await me.text()}`);
  await me.arrayBuffer();
}

async function measureLaunches(lms: TestLms, server: Server, clientId: string) {
  const people = sampleProgram().people.map((p) => p.id);
  let n = 0;
  const next = () => people[n++ % people.length]!;
  for (let i = 0; i < 20; i++) await fullLaunch(lms, server, next(), clientId);
  const single: number[] = [];
  for (let i = 0; i < SINGLE_LAUNCHES; i++) {
    const t = performance.now();
    await fullLaunch(lms, server, next(), clientId);
    single.push(performance.now() - t);
  }
  let done = 0;
  let failed = 0;
  const until = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        try {
          await fullLaunch(lms, server, next(), clientId);
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { perSecond: done / elapsed, failed, p50: percentile(single, 50), p95: percentile(single, 95) };
}

async function main() {
  const lms = await startTestLms({ name: 'Benchmark LMS' });
  lms.addCourse(sampleProgram());
  const toolPort = await freePort();
  const tool = await startProcess('lti-tool/src/main.ts', {
    env: {
      PORT: String(toolPort),
      DATA_DIR: tempDir('bench-tool-'),
      SANDBOX: 'off',
      LOG_LEVEL: 'silent',
      LTI_KEY: 'bench-key-long-enough-0123456789abcdef',
      // Every launch comes from this one address: the limit is counted as usual but never reached.
      RATE_LIMIT_LOGIN: '100000000',
    },
    ready: /running at (http:\/\/\S+)/,
  });
  const barePort = await freePort();
  const bare = await startProcess('test/bench/bare-ltijs.ts', {
    args: [String(barePort), tempDir('bench-bare-')],
    ready: /ready (http:\/\/\S+)/,
  });
  try {
    const toolReg = await lms.registerTool(`${tool.url}/register`);
    const bareReg = await lms.registerTool(`${bare.url}/register`);

    const bareRun = await measureLaunches(lms, bare, bareReg.clientId);
    const toolRun = await measureLaunches(lms, tool, toolReg.clientId);

    const { ltik } = await launch(lms, { courseId: 'nsl-2026', personId: 'hkowalski', clientId: toolReg.clientId });
    const me = await hammer({
      url: `${tool.url}/api/me`,
      headers: { authorization: `Bearer ${ltik}` },
      concurrency: CONCURRENCY,
      seconds: 5,
    });

    const rows = [
      ['', 'launches/s @20', 'single p50 ms', 'single p95 ms', 'failed'],
      [
        'bare ltijs',
        bareRun.perSecond.toFixed(1),
        bareRun.p50.toFixed(1),
        bareRun.p95.toFixed(1),
        String(bareRun.failed),
      ],
      [
        'mentoring tool',
        toolRun.perSecond.toFixed(1),
        toolRun.p50.toFixed(1),
        toolRun.p95.toFixed(1),
        String(toolRun.failed),
      ],
    ];
    console.log(
      `\nLaunch benchmark (SQLite, ${CONCURRENCY} concurrent for ${SECONDS} s, ${SINGLE_LAUNCHES} single launches)`,
    );
    for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(16) : c.padStart(15))).join(''));
    console.log(
      `\nratio tool / bare ltijs launches per second: ${(toolRun.perSecond / bareRun.perSecond).toFixed(2)} (target ≥ 0.8)`,
    );
    console.log(`single-launch p95: ${toolRun.p95.toFixed(1)} ms (target < 50 ms)`);
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

/**
 * `npm run bench:staff`: the staff views at district scale. A SQLite file is seeded with 10,000
 * partnerships (and 100,000 clips); the tool then runs in its own process on it. Measured: each
 * kind of page of `GET /api/program/activity` and of the staff `GET /api/partnerships` (first page,
 * with the program's counts; every later page, walking the cursors to the end; each filter),
 * sequentially; then `GET /api/me` sequentially while 4 clients ask for first pages without pause,
 * against `/api/me` alone. Targets (issue 10): a page p95 < 100 ms; `/api/me` p99 < 50 ms meanwhile.
 */
import { DEFAULT_AGREEMENT } from '@mentoring/shared';
import { insertPartnership } from '@mentoring/lti-tool/src/models/partnerships.ts';
import { lmsPerson, Role, startTestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { freePort, launchAs, startTestTool, tempDir } from '../support/tool.ts';
import { startProcess } from './processes.ts';
import { hammer, percentile } from './load.ts';
import { seedWorkspace } from './seed-workspace.ts';

const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 10_000);
const CLIPS = Number(process.env.BENCH_CLIPS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LTI_KEY = 'bench-key-long-enough-0123456789abcdef';
const COURSE = 'bench-staff';

interface Timed {
  ms: number[];
  bytes: number;
  rows: number;
  errors: number;
}

async function timedGet(url: string, token: string, into: Timed): Promise<unknown> {
  const t = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  into.ms.push(performance.now() - t);
  into.bytes = Math.max(into.bytes, Buffer.byteLength(text));
  if (!res.ok) {
    into.errors++;
    return undefined;
  }
  return JSON.parse(text);
}

const fresh = (): Timed => ({ ms: [], bytes: 0, rows: 0, errors: 0 });

/** The same page `REPEAT` times. */
async function samePage(url: string, token: string): Promise<Timed> {
  const t = fresh();
  for (let i = 0; i < REPEAT; i++) {
    const body = (await timedGet(url, token, t)) as { partnerships?: unknown[] } | undefined;
    t.rows = body?.partnerships?.length ?? 0;
  }
  return t;
}

/** Every page, following the cursors to the end. */
async function walk(base: string, token: string): Promise<Timed> {
  const t = fresh();
  let cursor: string | null = null;
  do {
    const url: string = cursor ? `${base}${base.includes('?') ? '&' : '?'}cursor=${cursor}` : base;
    const body = (await timedGet(url, token, t)) as { partnerships: unknown[]; nextCursor: string | null } | undefined;
    if (!body) break;
    t.rows += body.partnerships.length;
    cursor = body.nextCursor;
  } while (cursor);
  return t;
}

/** `/api/me`, one after another, for `seconds`. */
async function meLatencies(url: string, token: string, seconds: number): Promise<Timed> {
  const t = fresh();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) await timedGet(`${url}/api/me`, token, t);
  return t;
}

async function main() {
  const lms = await startTestLms({ name: 'Benchmark LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Staff benchmark',
    people: [
      lmsPerson('coordinator', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', 'Mona Abara', [Role.Learner]),
      lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
    ],
  });
  const port = await freePort();
  const dataDir = tempDir('bench-staff-');
  let staffLtik = '';
  let menteeLtik = '';
  {
    const tool = await startTestTool({ dataDir, port, env: { LTI_KEY } });
    try {
      await lms.registerTool(`${tool.url}/register`);
      const staff = await launchAs(lms, tool, { courseId: COURSE, personId: 'coordinator' });
      const mentor = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentor' });
      const mentee = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentee' });
      staffLtik = staff.ltik;
      menteeLtik = mentee.ltik;
      const [mentorMe, menteeMe] = await Promise.all([mentor.api.me({}), mentee.api.me({})]);
      const programId = menteeMe.program.id;
      const big = await insertPartnership(
        tool.app.sql,
        {
          programId,
          kind: 'mentoring',
          status: 'active',
          agreement: DEFAULT_AGREEMENT,
          createdById: menteeMe.person.id,
          members: [
            { personId: mentorMe.person.id, role: 'mentor', invitation: 'accepted' },
            { personId: menteeMe.person.id, role: 'mentee', invitation: 'accepted' },
          ],
        },
        Date.now() - 400 * 86_400_000,
      );
      const started = performance.now();
      const seeded = await seedWorkspace(tool.app.sql.sequelize, {
        programId,
        big: { id: big, mentorId: mentorMe.person.id, menteeId: menteeMe.person.id },
        partnerships: PARTNERSHIPS,
        clips: CLIPS,
        bigClips: Math.min(1_000, CLIPS),
        now: Date.now(),
      });
      // A tenth closed, so the status filter has something to find.
      await tool.app.sql.run(
        `UPDATE partnerships SET status = 'closed' WHERE program_id = :programId AND id IN
           (SELECT id FROM partnerships WHERE program_id = :programId ORDER BY id LIMIT :n)`,
        { programId, n: Math.floor(PARTNERSHIPS / 10) },
      );
      console.log(
        `Seeded ${seeded.partnerships.toLocaleString('en')} partnerships, ${seeded.people.toLocaleString('en')} people, ` +
          `${seeded.clips.toLocaleString('en')} clips, ${seeded.conversations.toLocaleString('en')} conversations ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await tool.close();
    }
  }

  const server = await startProcess('lti-tool/src/main.ts', {
    env: {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      LTI_KEY,
      SANDBOX: 'off',
      LOG_LEVEL: 'silent',
    },
    ready: /running at (http:\/\/\S+)/,
  });
  try {
    const url = server.url;
    const activity = `${url}/api/program/activity`;
    const list = `${url}/api/partnerships`;
    // Warm the caches the way a person's first look would.
    await walk(activity, staffLtik);

    const cases: Array<[string, () => Promise<Timed>]> = [
      ['activity: first page (with counts)', () => samePage(activity, staffLtik)],
      ['activity: every page, cursors', () => walk(activity, staffLtik)],
      ['activity: quiet, first page', () => samePage(`${activity}?quiet=true`, staffLtik)],
      ['activity: not quiet, all pages', () => walk(`${activity}?quiet=false`, staffLtik)],
      ['activity: closed, all pages', () => walk(`${activity}?status=closed`, staffLtik)],
      ['activity: name, first page', () => samePage(`${activity}?name=person%2042-`, staffLtik)],
      ['activity: name none, page', () => samePage(`${activity}?name=nobody`, staffLtik)],
      ['partnerships: first page', () => samePage(list, staffLtik)],
      ['partnerships: every page', () => walk(list, staffLtik)],
    ];
    const rows: Array<[string, Timed]> = [];
    for (const [label, run] of cases) rows.push([label, await run()]);

    const alone = await meLatencies(url, menteeLtik, 4);
    const [during, load] = await Promise.all([
      meLatencies(url, menteeLtik, SECONDS - 1),
      hammer({
        url: activity,
        headers: { authorization: `Bearer ${staffLtik}` },
        concurrency: 4,
        seconds: SECONDS,
      }),
    ]);

    console.log(
      `\nStaff views with ${PARTNERSHIPS.toLocaleString('en')} partnerships (SQLite, tool in its own process; same page ×${REPEAT}, or every page once)`,
    );
    const header = ['', 'requests', 'rows', 'p50 ms', 'p95 ms', 'max ms', 'page bytes', 'errors'];
    console.log(header.map((c, i) => (i === 0 ? c.padEnd(36) : c.padStart(11))).join(''));
    for (const [label, t] of rows) {
      const cells = [
        label,
        String(t.ms.length),
        String(t.rows),
        percentile(t.ms, 50).toFixed(1),
        percentile(t.ms, 95).toFixed(1),
        Math.max(...t.ms).toFixed(1),
        t.bytes.toLocaleString('en'),
        String(t.errors),
      ];
      console.log(cells.map((c, i) => (i === 0 ? c.padEnd(36) : c.padStart(11))).join(''));
    }
    const worst = Math.max(...rows.map(([, t]) => percentile(t.ms, 95)));
    console.log(`\nworst page p95: ${worst.toFixed(1)} ms (target < 100 ms)`);
    console.log(
      `activity first pages @4 concurrent: ${load.rps.toFixed(0)}/s, p95 ${load.p95.toFixed(1)} ms, errors ${load.errors}`,
    );
    console.log(
      `GET /api/me during them: p50 ${percentile(during.ms, 50).toFixed(1)} ms, p99 ${percentile(during.ms, 99).toFixed(1)} ms, ` +
        `max ${Math.max(...during.ms).toFixed(1)} ms over ${during.ms.length} requests (target p99 < 50 ms); ` +
        `alone: p50 ${percentile(alone.ms, 50).toFixed(1)} ms, p99 ${percentile(alone.ms, 99).toFixed(1)} ms`,
    );
  } finally {
    server.process.kill('SIGTERM');
    await lms.close();
  }
}

await main();
process.exit(0);

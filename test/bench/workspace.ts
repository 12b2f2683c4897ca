/**
 * `npm run bench:workspace`: the mentor's `prepare` (sequential p50/p95) and clip creation
 * (POST …/clips at 20 concurrent, keep-alive) on a SQLite file seeded with 10,000 partnerships and
 * 1,000,000 clips (5,000 in the measured one), and the same on an empty database. Seeding runs
 * in-process through the tool's Sequelize; the measured tool then runs in its own process on that
 * file, with the test LMS and the load here. BENCH_PROFILE=dir writes the tool's CPU profile there.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_AGREEMENT, type Preparation } from '@mentoring/shared';
import { insertPartnership } from '@mentoring/lti-tool/src/models/partnerships.ts';
import { lmsPerson, Role, startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { freePort, launchAs, startTestTool, tempDir } from '../support/tool.ts';
import { startProcess, type ServerProcess } from './processes.ts';
import { hammer, type HammerResult } from './load.ts';
import { seedWorkspace, type SeedCounts } from './seed-workspace.ts';

const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 10_000);
const CLIPS = Number(process.env.BENCH_CLIPS ?? 1_000_000);
const BIG_CLIPS = 5_000;
const PREPARE_REQUESTS = 200;
const CONCURRENCY = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LTI_KEY = 'bench-key-long-enough-0123456789abcdef';
const COURSE = 'bench-workspace';

interface Database {
  label: string;
  port: number;
  dataDir: string;
  partnershipId: string;
  mentorLtik: string;
  menteeLtik: string;
  seeded?: SeedCounts & { seconds: number };
}

/** Starts the tool once in-process (migrations, registration, two launches), seeds it if asked, and stops it. */
async function makeDatabase(lms: TestLms, label: string, seed: boolean): Promise<Database> {
  const port = await freePort();
  const dataDir = tempDir('bench-workspace-');
  const tool = await startTestTool({ dataDir, port, env: { LTI_KEY } });
  try {
    await lms.registerTool(`${tool.url}/register`);
    const mentor = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentor' });
    const mentee = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentee' });
    const [mentorMe, menteeMe] = await Promise.all([mentor.api.me({}), mentee.api.me({})]);
    const programId = menteeMe.program.id;
    const partnershipId = await insertPartnership(
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
    const db: Database = { label, port, dataDir, partnershipId, mentorLtik: mentor.ltik, menteeLtik: mentee.ltik };
    if (seed) {
      const started = performance.now();
      const counts = await seedWorkspace(tool.app.sql.sequelize, {
        programId,
        big: { id: partnershipId, mentorId: mentorMe.person.id, menteeId: menteeMe.person.id },
        partnerships: PARTNERSHIPS,
        clips: CLIPS,
        bigClips: BIG_CLIPS,
        now: Date.now(),
      });
      db.seeded = { ...counts, seconds: (performance.now() - started) / 1000 };
    }
    return db;
  } finally {
    await tool.close();
  }
}

function startToolProcess(db: Database): Promise<ServerProcess> {
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
    : [];
  return startProcess('lti-tool/src/main.ts', {
    nodeArgs: profile,
    env: {
      PORT: String(db.port),
      PUBLIC_URL: `http://127.0.0.1:${db.port}`,
      DATA_DIR: db.dataDir,
      LTI_KEY,
      SANDBOX: 'off',
      LOG_LEVEL: 'silent',
    },
    ready: /running at (http:\/\/\S+)/,
  });
}

/** A clip as the extension sends it: a fresh client id, a ~200 character passage and its selectors. */
function newClip(): string {
  const quote =
    'Mentor and mentee compose the conversation together as it unfolds, each one listening for the other’s next move; neither arrives with a script. ' +
    crypto.randomUUID();
  return JSON.stringify({
    id: crypto.randomUUID(),
    url: 'https://readings.example/library/generative-leadership#page-7',
    title: 'Generative Leadership, page 7',
    quote,
    note: 'A question for our next conversation.',
    tags: ['improvisation'],
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'With true improvisation, ', suffix: ' (page 7)' },
      { type: 'TextPositionSelector', start: 1200, end: 1200 + quote.length },
    ],
  });
}

interface Figures {
  prepare: HammerResult;
  create: HammerResult;
  newClipCount: number;
  newClipsSent: number;
}

async function measure(db: Database): Promise<Figures> {
  const tool = await startToolProcess(db);
  try {
    const prepareUrl = `${tool.url}/api/partnerships/${db.partnershipId}/prepare`;
    const mentor = { authorization: `Bearer ${db.mentorLtik}` };
    const res = await fetch(prepareUrl, { headers: mentor });
    if (!res.ok) throw new Error(`prepare answered ${res.status}: ${await res.text()}`);
    const preparation = (await res.json()) as Preparation;
    await hammer({ url: prepareUrl, headers: mentor, concurrency: 1, seconds: 60, maxRequests: 20 });
    const prepare = await hammer({
      url: prepareUrl,
      headers: mentor,
      concurrency: 1,
      seconds: 120,
      maxRequests: PREPARE_REQUESTS,
    });

    const create = {
      url: `${tool.url}/api/partnerships/${db.partnershipId}/clips`,
      method: 'POST',
      headers: { authorization: `Bearer ${db.menteeLtik}` },
      body: newClip,
    };
    await hammer({ ...create, concurrency: CONCURRENCY, seconds: 1 });
    const created = await hammer({ ...create, concurrency: CONCURRENCY, seconds: SECONDS });
    return {
      prepare,
      create: created,
      newClipCount: preparation.newClipCount,
      newClipsSent: preparation.newClips.length,
    };
  } finally {
    tool.process.kill('SIGTERM');
    await new Promise((resolve) => tool.process.once('exit', resolve));
    fs.rmSync(db.dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const lms = await startTestLms({ name: 'Benchmark LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Workspace benchmark',
    people: [
      lmsPerson('coordinator', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', 'Mona Abara', [Role.Learner]),
      lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
    ],
  });
  try {
    console.log(`Seeding ${PARTNERSHIPS.toLocaleString('en')} partnerships and ${CLIPS.toLocaleString('en')} clips…`);
    const big = await makeDatabase(lms, `${(CLIPS / 1e6).toLocaleString('en')}M clips`, true);
    const s = big.seeded!;
    console.log(
      `  ${s.clips.toLocaleString('en')} clips, ${s.reviews.toLocaleString('en')} reviews, ${s.partnerships.toLocaleString('en')} partnerships, ` +
        `${s.people.toLocaleString('en')} people, ${s.conversations.toLocaleString('en')} conversations in ${s.seconds.toFixed(1)} s`,
    );
    const empty = await makeDatabase(lms, 'empty', false);
    const rows: Array<[string, Figures]> = [];
    for (const db of [big, empty]) rows.push([db.label, await measure(db)]);

    const header = [
      'database',
      'new clips',
      'prepare p50 ms',
      'prepare p95 ms',
      'clips/s @20',
      'create p95 ms',
      'errors',
    ];
    console.log(
      `\nWorkspace benchmark (SQLite; prepare: ${PREPARE_REQUESTS} sequential; create: ${CONCURRENCY} concurrent for ${SECONDS} s)`,
    );
    console.log(header.map((c, i) => (i === 0 ? c.padEnd(12) : c.padStart(15))).join(''));
    for (const [label, f] of rows) {
      const cells = [
        label,
        `${f.newClipsSent}/${f.newClipCount}`,
        f.prepare.p50.toFixed(2),
        f.prepare.p95.toFixed(2),
        f.create.rps.toFixed(0),
        f.create.p95.toFixed(2),
        String(f.prepare.errors + f.create.errors),
      ];
      console.log(cells.map((c, i) => (i === 0 ? c.padEnd(12) : c.padStart(15))).join(''));
      const firstError = f.prepare.firstError ?? f.create.firstError;
      if (firstError) console.log(`  first error: ${firstError}`);
    }
    const [, seeded] = rows[0]!;
    console.log(
      `\nprepare p95 with ${CLIPS.toLocaleString('en')} clips: ${seeded.prepare.p95.toFixed(2)} ms (target < 20 ms)`,
    );
    console.log(
      `clip creation: ${rows.map(([label, f]) => `${f.create.rps.toFixed(0)}/s ${label}`).join(', ')} (target ≥ 2,000/s)`,
    );
  } finally {
    await lms.close();
  }
}

await main();
process.exit(0);

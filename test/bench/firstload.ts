/**
 * `npm run bench:firstload`: from the launch POST (the LMS's form posting the id_token into the
 * tool's frame) to the first meaningful content of the workspace (the mentee's home with their
 * partnership's card) in Chromium, cold (a fresh profile: nothing cached) and warm (the same
 * profile again: hashed assets from cache), with the requests and bytes the tool sent meanwhile.
 * Cold is taken twice, each in a fresh profile: in a browser that has settled (SETTLE_MS after its
 * start, as a person's browser has when they open their course: the row the target is for), and in
 * one that has just started, whose own start-up work shares this 2-core machine with the load.
 * Two moments: "in document", when the card is in the frame's DOM (the server renders it into the
 * page: web/entry-server.tsx), and "painted", when the frame that shows it has been drawn (after
 * the page's stylesheet, which blocks rendering). The mentee's browser zone is kept before the
 * runs: a first-ever launch, without one, is not pre-rendered.
 * Also printed: the first screen's JavaScript by the build's manifest, gzip and brotli (target
 * ≤ 150 KB compressed). The tool runs in its own process (compiled as in production, on a fresh
 * SQLite file), as the other benches run their servers: in this process it would share one thread
 * with Playwright's handling of every browser event. The clock starts at the launch POST, so the
 * browser's own start is not counted, only the work it still does meanwhile. Needs a built web app
 * (`npm run build -w lti-tool`, which the root script runs first). Target: painted p95 < 300 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { lmsPerson, Role, startTestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { WEB_DIST } from '@mentoring/lti-tool/src/http/static.ts';
import { hasChromium, openBrowser } from '../support/browser.ts';
import { freePort, launchAs, tempDir } from '../support/tool.ts';
import { percentile } from './load.ts';
import { startProcess } from './processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** How long a fresh browser is left to finish starting before the settled cold load. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3_000);
const COURSE = 'bench-firstload';
/** BENCH_TIMELINE=1: every load's requests and moments, on the frame's clock, in the order they started. */
const TIMELINE = Boolean(process.env.BENCH_TIMELINE);

interface Load {
  /** Launch POST → the content in the document, on the frame's own clock. */
  inDocument: number;
  /** Launch POST → the content drawn on screen. */
  painted: number;
  /** The same as Playwright saw it (its polling and this machine's load added). */
  seen: number;
  requests: number;
  bytes: number;
  jsBytes: number;
  jsFromCache: number;
  encodings: Set<string>;
}

/** The first screen's JavaScript by the manifest: the entry and the home screen, with what they import. */
function firstScreenJs(): { files: number; raw: number; gzip: number; brotli: number } {
  const manifest = JSON.parse(fs.readFileSync(path.join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[] }
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  for (const [key, chunk] of Object.entries(manifest))
    if (chunk.isEntry || key.endsWith('screens/home/ParticipantHome.tsx')) visit(key);
  const out = { files: seen.size, raw: 0, gzip: 0, brotli: 0 };
  for (const key of seen) {
    const body = fs.readFileSync(path.join(WEB_DIST, manifest[key]!.file));
    out.raw += body.length;
    out.gzip += zlib.gzipSync(body, { level: 9 }).length;
    out.brotli += zlib.brotliCompressSync(body).length;
  }
  return out;
}

/** The encodings the tool sent its scripts in, through the DevTools protocol (frames included). */
function watchNetwork(cdp: CDPSession, toolOrigin: string) {
  const encodings = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script' || !e.response.url.startsWith(toolOrigin) || e.response.fromDiskCache) return;
    const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    encodings.add(header ? String(header[1]) : 'identity');
  });
  return {
    scriptEncodings() {
      const seen = new Set(encodings);
      encodings.clear();
      return seen;
    },
  };
}

/**
 * Installed in every frame: notes when the home's first partnership card is in the document and
 * when it has been painted (a message posted from the next animation frame's callback runs once
 * that frame is drawn; no frame is drawn while the stylesheet still blocks rendering), on the
 * frame's own clock, whose zero is the start of its navigation: the launch POST, which ltijs
 * answers with the redirect to the app.
 */
const MARK_CONTENT = `(() => {
  const seen = () => document.querySelector('article.partnership-card');
  const mark = () => {
    if (window.__firstContent !== undefined || !seen()) return;
    window.__firstContent = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__painted = performance.now());
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
})();`;

/** One line of the timeline: when a request started and ended (or a moment), on the frame's clock. */
type Step = [start: number, end: number | null, what: string];

interface InFrame {
  at: number;
  painted: number;
  navigation: number;
  timeline: Step[];
  resources: Array<{ js: boolean; bytes: number; cached: boolean }>;
}

/** One launch from the course page; time from the id_token POST to the home's content in the frame. */
async function launchOnce(
  page: Page,
  courseUrl: string,
  toolUrl: string,
  net: ReturnType<typeof watchNetwork>,
): Promise<Load> {
  let posted = 0;
  const onRequest = (req: import('playwright-core').Request) => {
    if (!posted && req.method() === 'POST' && req.url().startsWith(toolUrl) && req.postData()?.includes('id_token='))
      posted = performance.now();
  };
  page.on('request', onRequest);
  try {
    await page.goto(courseUrl);
    const frame = await waitForToolFrame(page, toolUrl);
    await frame.locator('article.partnership-card').first().waitFor({ state: 'visible', timeout: 30_000 });
    const seen = performance.now() - posted;
    if (!posted) throw new Error('the launch POST was not seen');
    await frame.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined);
    const f = await frame.evaluate((): InFrame => {
      const marks = window as unknown as { __firstContent: number; __painted: number };
      const at = marks.__firstContent;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const timeline: Step[] = [
        [0, nav.redirectEnd, `redirects (${nav.redirectCount})`],
        [
          nav.fetchStart,
          nav.responseEnd,
          `${nav.name.replace(/\?.*/, '')}: first byte at ${nav.responseStart.toFixed(0)}, ${nav.encodedBodySize} B`,
        ],
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e): Step => [
          e.startTime,
          e.responseEnd,
          `${new URL(e.name).pathname} (${e.initiatorType}): first byte at ${e.responseStart.toFixed(0)}, ${e.encodedBodySize} B${e.transferSize === 0 ? ', cached' : ''}`,
        ]),
        [nav.domInteractive, null, 'DOM interactive'],
        [nav.domContentLoadedEventEnd, null, 'DOMContentLoaded'],
        ...performance.getEntriesByType('paint').map((e): Step => [e.startTime, null, e.name]),
        [at, null, 'content in document'],
        [marks.__painted, null, 'content painted'],
      ];
      return {
        at,
        painted: marks.__painted,
        timeline,
        navigation: nav.encodedBodySize,
        resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.startTime <= marks.__painted)
          .map((e) => ({
            js: /\.js$/.test(new URL(e.name).pathname),
            bytes: e.encodedBodySize,
            cached: e.transferSize === 0,
          })),
      };
    });
    const sent = f.resources.filter((r) => !r.cached);
    const scripts = f.resources.filter((r) => r.js);
    if (TIMELINE) printTimeline(f.timeline);
    return {
      inDocument: f.at,
      painted: f.painted,
      seen,
      requests: 1 + sent.length,
      bytes: f.navigation + sent.reduce((n, r) => n + r.bytes, 0),
      jsBytes: scripts.filter((r) => !r.cached).reduce((n, r) => n + r.bytes, 0),
      jsFromCache: scripts.filter((r) => r.cached).length,
      encodings: net.scriptEncodings(),
    };
  } finally {
    page.off('request', onRequest);
  }
}

function printTimeline(steps: Step[]) {
  const ms = (n: number | null) => (n === null ? '' : n.toFixed(0)).padStart(6);
  console.log('');
  for (const [start, end, what] of [...steps].sort((a, b) => a[0] - b[0]))
    console.log(`${ms(start)}${ms(end)}  ${what}`);
}

async function waitForToolFrame(page: Page, toolUrl: string): Promise<Frame> {
  for (let i = 0; i < 600; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${toolUrl}/app/`));
    if (frame) return frame;
    await page.waitForEvent('framenavigated', { timeout: 30_000 });
  }
  throw new Error('the tool frame never reached the app');
}

const TARGET_MS = 300;

function summarize(label: string, loads: Load[]) {
  const p = (pick: (l: Load) => number, q: number) => percentile(loads.map(pick), q).toFixed(0);
  const last = loads[loads.length - 1]!;
  return [
    label,
    String(loads.length),
    `${p((l) => l.inDocument, 50)} / ${p((l) => l.inDocument, 95)}`,
    `${p((l) => l.painted, 50)} / ${p((l) => l.painted, 95)}`,
    `< ${TARGET_MS}`,
    p((l) => l.seen, 95),
    String(last.requests),
    `${(last.bytes / 1024).toFixed(1)} KB`,
    `${(last.jsBytes / 1024).toFixed(1)} KB`,
    String(last.jsFromCache),
    [...last.encodings].join('+') || '–',
  ];
}

async function main() {
  if (!hasChromium) throw new Error('bench:firstload needs Chromium at /usr/bin/chromium');
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('Build the web app first: npm run build -w lti-tool');
  const port = await freePort();
  const server = await startProcess('lti-tool/src/main.ts', {
    env: {
      SANDBOX: 'off',
      LOG_LEVEL: 'silent',
      LTI_KEY: 'bench-key-long-enough-0123456789abcdef',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: tempDir('bench-firstload-'),
    },
    compiled: true,
    ready: /running at (http:\/\/\S+)/,
  });
  const tool = { url: server.url };
  const lms = await startTestLms({ name: 'Benchmark LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'First load benchmark',
    people: [
      lmsPerson('coordinator', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', 'Mona Abara', [Role.Learner]),
      lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
    ],
  });
  try {
    await lms.registerTool(`${tool.url}/register`);
    const staff = await launchAs(lms, tool, { courseId: COURSE, personId: 'coordinator' });
    const ids: Record<string, string> = {};
    for (const who of ['mentor', 'mentee']) {
      const { api } = await launchAs(lms, tool, { courseId: COURSE, personId: who });
      ids[who] = (await api.me({})).person.id;
      // What the app reports on a first launch; Chromium runs in this machine's zone, as Node does.
      await api.reportTimeZone({ body: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } });
    }
    await staff.api.syncRoster({});
    await staff.api.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: ids.mentor!, role: 'mentor' },
          { personId: ids.mentee!, role: 'mentee' },
        ],
      },
    });
    const courseUrl = `${lms.url}/courses/${COURSE}?as=mentee#tool`;
    const loadAtStart = os.loadavg()[0]!;
    const cold: Load[] = [];
    const justStarted: Load[] = [];
    const warm: Load[] = [];
    /** One load in a fresh browser profile (no cache, no cookies), then `more` in the same page. */
    const freshProfile = async (
      settleMs: number,
      into: Load[],
      more?: (page: Page, load: () => Promise<Load>) => Promise<void>,
    ) => {
      const browser = await openBrowser();
      try {
        await browser.context.addInitScript(MARK_CONTENT);
        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Network.enable');
        const net = watchNetwork(cdp, tool.url);
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        const load = () => launchOnce(page, courseUrl, tool.url, net);
        into.push(await load());
        await more?.(page, load);
      } finally {
        await browser.close();
      }
    };
    for (let run = 0; run < RUNS; run++) {
      // Warm: the settled profile once more, its hashed assets in its cache.
      await freshProfile(SETTLE_MS, cold, async (page, load) => {
        await page.goto('about:blank');
        warm.push(await load());
      });
      await freshProfile(0, justStarted);
    }
    const js = firstScreenJs();
    console.log(
      `\nFirst load in Chromium: launch POST → the mentee's home with their partnership (${RUNS} runs each; ms on the ` +
        `frame's clock, 'seen' as Playwright saw it; requests and body bytes until it is painted, last run; ` +
        `load average at the start ${loadAtStart.toFixed(2)})`,
    );
    const header = [
      '',
      'runs',
      'in document p50 / p95',
      'painted p50 / p95',
      'target p95 ms',
      'seen p95',
      'requests',
      'bytes',
      'JS bytes',
      'JS cached',
      'JS encoding',
    ];
    const widths = [8, 6, 24, 20, 15, 10, 10, 10, 10, 10, 12];
    const pad = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(widths[i]!))).join('');
    console.log(pad(header));
    console.log(pad(summarize('cold', cold)));
    console.log(pad(summarize('warm', warm)));
    console.log(pad(summarize('cold*', justStarted)));
    console.log(
      `cold*: in a browser that has just started, its own start-up work sharing the machine (cold: ${SETTLE_MS} ms after start)`,
    );
    const p95 = (loads: Load[]) =>
      percentile(
        loads.map((l) => l.painted),
        95,
      );
    console.log(
      `\npainted p95: cold ${p95(cold).toFixed(0)} ms, warm ${p95(warm).toFixed(0)} ms (target < ${TARGET_MS} ms), ` +
        `cold in a browser just started ${p95(justStarted).toFixed(0)} ms; ` +
        `load average at the end ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log(
      `first screen's JavaScript (manifest: entry + home, ${js.files} files): ${(js.raw / 1024).toFixed(1)} KB raw, ` +
        `${(js.gzip / 1024).toFixed(1)} KB gzip, ${(js.brotli / 1024).toFixed(1)} KB brotli (target ≤ 150 KB compressed)`,
    );
  } finally {
    await lms.close();
    server.process.kill('SIGTERM');
  }
}

await main();
process.exit(0);

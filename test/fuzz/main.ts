/**
 * `npm run fuzz`: the hostile sweep against the real tool on a fresh SQLite file, and again on a
 * fresh PostgreSQL database when TEST_POSTGRES_URL is set. Prints counts per status class; exits
 * non-zero if any answer is ≥ 500 or an error answer shows internals.
 *   FUZZ_REQUESTS (default 4200), FUZZ_SEED (default: random, printed)
 */
import { freshPostgresDatabase, startTestTool } from '../support/tool.ts';
import { sweep, summary } from './sweep.ts';
import { buildWorld } from './world.ts';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 4_200);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

async function run(label: string, databaseUrl?: string): Promise<boolean> {
  // The sweep tries pairing codes by the thousand from one address: the limit must not hide the exchange.
  const tool = await startTestTool({ databaseUrl, env: { RATE_LIMIT_PAIRING: '1000000' } });
  const world = await buildWorld(tool);
  try {
    const result = await sweep(tool.url, world, { count: COUNT, seed: SEED });
    console.log(summary(label, result));
    for (const f of result.failures.slice(0, 20))
      console.log(
        `  ${f.status} ${f.why}: ${f.request.method} ${f.request.path.slice(0, 120)} → ${f.answer.slice(0, 160)}`,
      );
    return result.failures.length === 0;
  } finally {
    await world.lms.close();
    await tool.close();
  }
}

console.log(`seed ${SEED} (repeat with FUZZ_SEED=${SEED})`);
const results = [await run('SQLite')];
if (process.env.TEST_POSTGRES_URL) results.push(await run('PostgreSQL', await freshPostgresDatabase()));
else console.log('PostgreSQL: skipped (set TEST_POSTGRES_URL to sweep it too)');
process.exit(results.every(Boolean) ? 0 : 1);

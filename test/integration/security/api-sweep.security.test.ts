/**
 * A small, fixed-seed run of `npm run fuzz` (test/fuzz): a few hundred hostile requests over every
 * operation in /api/openapi.json. Not one answer may be ≥ 500 or show internals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { buildWorld, type World } from '../../fuzz/world.ts';
import { summary, sweep } from '../../fuzz/sweep.ts';

let tool: TestTool;
let world: World;

beforeAll(async () => {
  tool = await startTestTool({ env: { RATE_LIMIT_PAIRING: '1000000' } });
  world = await buildWorld(tool);
}, 120_000);

afterAll(async () => {
  await world?.lms.close();
  await tool?.close();
});

it('300 hostile requests over every API operation: no answer ≥ 500, no internals shown', async () => {
  const result = await sweep(tool.url, world, { count: 300, seed: 8, concurrency: 4 });
  const report = [
    summary('this database', result),
    ...result.failures.map((f) => `${f.status} ${f.why}: ${f.request.method} ${f.request.path} → ${f.answer}`),
  ].join('\n');
  expect(result.failures, report).toEqual([]);
  expect(result.requests).toBe(300);
  // The sweep reaches the services, not only the gate.
  expect([...result.byStatus.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
}, 120_000);

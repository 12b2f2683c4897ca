/** What every hostile API case checks: the status, never a 5xx, no internals in the answer. */
import { expect } from 'vitest';
import { internalsIn } from '../../fuzz/world.ts';
import type { TestTool } from '../../support/tool.ts';

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
  json: () => { error?: { code: string; message: string; field?: string } };
}

export async function send(
  tool: { url: string },
  method: string,
  path: string,
  opts: { token?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${tool.url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body,
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as ReturnType<Answer['json']> };
}

/** Asserts a refusal: the status, below 500, and no stack, path or database words in it. */
export function expectRefused(answer: Answer, status: number, field?: string) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.status).toBeLessThan(500);
  expect(internalsIn(answer.text), answer.text.slice(0, 300)).toBeUndefined();
  if (field !== undefined) expect(answer.json().error?.field).toBe(field);
}

const TABLES = [
  'programs',
  'people',
  'memberships',
  'launch_sessions',
  'partnerships',
  'partnership_members',
  'goals',
  'goal_actions',
  'goal_events',
  'conversations',
  'clips',
  'clip_reviews',
  'prompts',
  'private_notes',
  'commitments',
  'resource_requests',
  'checkpoints',
  'checkpoint_evaluations',
  'pairing_codes',
  'browser_connections',
] as const;

/** Row counts of the product's tables, to show a refusal wrote nothing (the API has no such count). */
export async function rowCounts(tool: TestTool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await tool.app.sql.one<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

import { describe, expect, it } from 'vitest';
import {
  ConnectionCode,
  CreateConversation,
  CreateGoal,
  IsoDate,
  PartnershipLifecycle,
  ReportTimeZone,
} from '../domain.ts';
import { inputProblem, type InputProblem } from './input-problems.ts';

/** The problems the domain's own schemas report for an input, in order. */
function problems(schema: { safeParse(v: unknown): { error?: { issues: unknown[] } } }, input: unknown) {
  return (schema.safeParse(input).error?.issues ?? []).map((i) =>
    inputProblem(i as Parameters<typeof inputProblem>[0], input),
  );
}

describe('inputProblem', () => {
  it('tells a missing field from an empty one and from one that is too long', () => {
    expect(problems(CreateGoal, {})).toEqual<InputProblem[]>([{ kind: 'missing' }]);
    expect(problems(CreateGoal, { title: '   ' })).toEqual<InputProblem[]>([{ kind: 'empty' }]);
    expect(problems(CreateGoal, { title: 'x'.repeat(201) })).toEqual<InputProblem[]>([
      { kind: 'too_long', max: 200, of: 'characters' },
    ]);
  });

  it('names formats, whole numbers, lists and choices', () => {
    expect(problems(IsoDate, '2026-13-01')).toEqual<InputProblem[]>([{ kind: 'format', format: 'date' }]);
    expect(problems(CreateConversation, { scheduledFor: 'tomorrow' })).toEqual<InputProblem[]>([
      { kind: 'format', format: 'date_time' },
    ]);
    expect(
      problems(CreateConversation, { scheduledFor: '2026-12-03T10:00:00Z', durationMinutes: 30.5 }).map((p) => p.kind),
    ).toEqual(['not_whole_number']);
    expect(problems(PartnershipLifecycle, { action: 'explode' })).toEqual<InputProblem[]>([{ kind: 'choice' }]);
  });

  it('names the schemas’ own checks, so each part can word them', () => {
    expect(problems(ReportTimeZone, { timeZone: 'Mars/Olympus' })).toEqual<InputProblem[]>([
      { kind: 'custom', problem: 'time_zone' },
    ]);
    expect(problems(PartnershipLifecycle, { action: 'end' })).toEqual<InputProblem[]>([
      { kind: 'custom', problem: 'end_reason' },
    ]);
    expect(problems(ConnectionCode, 'not a code')).toEqual<InputProblem[]>([
      { kind: 'custom', problem: 'connection_code' },
    ]);
    expect(problems(CreateGoal, { title: 'a\u0000b' })).toEqual<InputProblem[]>([
      { kind: 'custom', problem: 'unstorable_text' },
    ]);
  });

  it('gives an unknown check no words of its own', () => {
    expect(inputProblem({ code: 'custom', path: [], params: { problem: 'nonsense' } }, {})).toEqual({
      kind: 'not_valid',
    });
    expect(inputProblem({ code: 'unrecognized_keys', path: [] }, {})).toEqual({ kind: 'not_valid' });
  });
});

/**
 * What is wrong with a piece of input, as data. Zod's own messages are a developer's English
 * ("Too small: expected string to have >=1 characters"); each part words these problems in its
 * own catalog instead (the web app's, the extension's, the server's), so that a form error reads
 * as people speak in each language. One rule turns an issue into a problem, here; the words are
 * each part's.
 */

/** What a schema's own check refused, named in its issue's `params.problem`. */
export type CustomProblem = 'unstorable_text' | 'time_zone' | 'end_reason' | 'connection_code';

export type InputProblem =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'too_short'; min: number; of: 'characters' | 'items' }
  | { kind: 'too_long'; max: number; of: 'characters' | 'items' }
  | { kind: 'below'; min: number }
  | { kind: 'above'; max: number }
  | { kind: 'not_whole_number' }
  | { kind: 'format'; format: 'url' | 'email' | 'date' | 'date_time' | 'other' }
  | { kind: 'choice' }
  | { kind: 'custom'; problem: CustomProblem }
  | { kind: 'not_valid' };

/** The parts of a Zod issue this rule reads (Zod's own type is wider and version-bound). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  params?: Record<string, unknown>;
}

const CUSTOM: readonly CustomProblem[] = ['unstorable_text', 'time_zone', 'end_reason', 'connection_code'];

/** `params` for a schema's own check, so every part can word it: `refine(ok, { params: problem('time_zone') })`. */
export const problem = (name: CustomProblem) => ({ problem: name });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const FORMATS: Record<string, 'url' | 'email' | 'date' | 'date_time'> = {
  url: 'url',
  email: 'email',
  date: 'date',
  datetime: 'date_time',
};

/** The problem an issue names; `input` is the whole value that was parsed (to tell missing from wrong). */
export function inputProblem(issue: IssueLike, input: unknown): InputProblem {
  const many = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { kind: 'not_whole_number' };
      return valueAt(input, issue.path) == null ? { kind: 'missing' } : { kind: 'not_valid' };
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date')
        return { kind: 'below', min };
      return min <= 1 ? { kind: 'empty' } : { kind: 'too_short', min, of: many ? 'items' : 'characters' };
    }
    case 'too_big': {
      const max = Number(issue.maximum ?? 0);
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date')
        return { kind: 'above', max };
      return { kind: 'too_long', max, of: many ? 'items' : 'characters' };
    }
    case 'invalid_format':
      return { kind: 'format', format: FORMATS[issue.format ?? ''] ?? 'other' };
    case 'invalid_value':
      return { kind: 'choice' };
    case 'custom': {
      const named = issue.params?.problem;
      return CUSTOM.includes(named as CustomProblem)
        ? { kind: 'custom', problem: named as CustomProblem }
        : { kind: 'not_valid' };
    }
    default:
      return { kind: 'not_valid' };
  }
}

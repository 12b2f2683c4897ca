/**
 * Errors shown where they belong: next to the field they are about, otherwise above the form.
 * The same shape comes from checking input with the shared schemas before sending and from the
 * API's `ApiError` (whose `field` may be a path such as `agreement.purpose`).
 */
import { ApiError, inputProblem, type IssueLike } from '@mentoring/shared';
import { describeFailure, sayInputProblem } from './problems.ts';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

const sentence = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function matchField(path: string, fields: readonly string[]): string | undefined {
  return fields.find((f) => path === f || path.startsWith(`${f}.`) || path.endsWith(`.${f}`));
}

/** Places one error: on a known field when it names one, otherwise on the form. */
export function errorsFrom(error: unknown, fields: readonly string[]): FormErrors {
  if (!error) return NO_ERRORS;
  if (error instanceof ApiError && error.fromTool) {
    const f = error.field ? matchField(error.field, fields) : undefined;
    if (!f) return { fields: {}, form: sentence(error.message) };
    // Next to the field, its name in front of the message ("title: must not be empty") says nothing new.
    const message = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field!.length + 2)
      : error.message;
    return { fields: { [f]: sentence(message) }, form: null };
  }
  return { fields: {}, form: describeFailure(error) };
}

interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

/** Checks input with a shared schema; gives the parsed value or the errors to show. */
export function check<T>(
  schema: SafeParser<T>,
  value: unknown,
  fields: readonly string[],
): { ok: true; value: T } | { ok: false; errors: FormErrors } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const errors: FormErrors = { fields: {}, form: null };
  for (const issue of r.error.issues) {
    const f = matchField(issue.path.map(String).join('.'), fields);
    const message = sayInputProblem(inputProblem(issue, value));
    if (f) errors.fields[f] ??= message;
    else errors.form ??= message;
  }
  return { ok: false, errors };
}

/**
 * What went wrong, in the person's language: input problems (named by the shared rule in
 * `@mentoring/shared`'s input-problems) and failed calls to the tool. The tool's own refusals come
 * already worded by the tool; an unreachable tool or another server's answer is worded here.
 */
import { plural, t } from '@lingui/core/macro';
import { ApiError, inputProblem, type IssueLike } from '@mentoring/shared';

/** The first problem of a failed parse, for the field it names (`note`, `tags`…). */
export function sayFirstProblem(issues: readonly IssueLike[], input: unknown): string {
  const issue = issues[0];
  if (!issue) return t`This is not valid.`;
  const p = inputProblem(issue, input);
  switch (p.kind) {
    case 'missing':
    case 'empty':
      return t`Something needed is empty.`;
    case 'too_long':
      return p.of === 'items'
        ? plural(p.max, { one: 'Choose at most # item.', other: 'Choose at most # items.' })
        : plural(p.max, {
            one: 'A text here is longer than # character.',
            other: 'A text here is longer than # characters.',
          });
    case 'custom':
      if (p.problem === 'connection_code')
        return t`Paste the whole connection code from “Connect your browser” in your mentoring workspace (it looks like ABCD-EFGH@https://mentoring.example.org).`;
      if (p.problem === 'unstorable_text')
        return t`The text has a character that cannot be kept (a NUL character or broken Unicode). Select the passage again.`;
      return t`This is not valid.`;
    default:
      return t`This is not valid.`;
  }
}

/** A failed call or anything thrown, as a person reads it (the extension's own errors carry their words). */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t`The mentoring tool could not be reached. Check the connection and try again.`;
    if (err.fromTool) return err.message;
    if (err.status === 404 || err.status === 405)
      return t`Nothing at this address answers like the mentoring tool. Check the address, or get a new connection code from “Connect your browser” in your workspace.`;
    if (err.status >= 500) return t`The mentoring tool is having trouble right now. Try again in a few minutes.`;
    return t`The mentoring tool could not take this request. Try again, or open your workspace from your course.`;
  }
  return err instanceof Error ? err.message : String(err);
}

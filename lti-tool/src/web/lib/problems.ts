/**
 * What went wrong, in the person's language: input problems (the shared rule in
 * `@mentoring/shared`'s input-problems names them, these are their words) and failures of a call
 * (the tool's own refusals come already worded by the tool; an unreachable tool or another
 * server's answer is worded here).
 */
import { ApiError, type CustomProblem, type InputProblem } from '@mentoring/shared';
import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';

export function sayInputProblem(p: InputProblem): string {
  switch (p.kind) {
    case 'missing':
      return t`This is needed.`;
    case 'empty':
      return t`This cannot be empty.`;
    case 'too_short':
      return p.of === 'items'
        ? plural(p.min, { one: 'Choose at least # item.', other: 'Choose at least # items.' })
        : plural(p.min, { one: 'Write at least # character.', other: 'Write at least # characters.' });
    case 'too_long':
      return p.of === 'items'
        ? plural(p.max, { one: 'Choose at most # item.', other: 'Choose at most # items.' })
        : plural(p.max, { one: 'Keep this to # character or fewer.', other: 'Keep this to # characters or fewer.' });
    case 'below': {
      const least = i18n.number(p.min);
      return t`This must be at least ${least}.`;
    }
    case 'above': {
      const most = i18n.number(p.max);
      return t`This must be at most ${most}.`;
    }
    case 'not_whole_number':
      return t`Use a whole number.`;
    case 'format':
      return sayFormat(p.format);
    case 'choice':
      return t`Choose one of the options.`;
    case 'custom':
      return sayCustom(p.problem);
    case 'not_valid':
      return t`This is not valid.`;
  }
}

function sayFormat(format: (InputProblem & { kind: 'format' })['format']): string {
  switch (format) {
    case 'url':
      return t`Enter a full web address, starting with https://.`;
    case 'email':
      return t`Enter an e-mail address.`;
    case 'date':
      return t`Enter a date.`;
    case 'date_time':
      return t`Enter a date and a time.`;
    case 'other':
      return t`This is not in the expected form.`;
  }
}

function sayCustom(problem: CustomProblem): string {
  switch (problem) {
    case 'unstorable_text':
      return t`This text has a character that cannot be kept (a NUL character or broken Unicode). Type it again instead of pasting it.`;
    case 'time_zone':
      return t`This is not a time zone the tool knows.`;
    case 'end_reason':
      return t`Say why the partnership ends.`;
    case 'connection_code':
      return t`Paste the whole connection code from “Connect your browser”.`;
  }
}

/** A failed call or anything thrown, as a person reads it. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network')
      return t`The tool could not be reached. Check your connection and try again; nothing you entered was lost.`;
    if (error.fromTool) return error.message;
    if (error.status >= 500) return t`The tool is having trouble right now. Try again in a few minutes.`;
    return t`The tool could not take this request. Try again, or open the workspace again from your course.`;
  }
  return t`Something went wrong.`;
}

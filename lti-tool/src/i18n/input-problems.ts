/**
 * What is wrong with an input, in the server's words and the person's language: the shared rule
 * (`inputProblem`) names the problem from a schema's issue; this says it, as the web app and the
 * extension say it in theirs. Zod's own messages are a developer's English, and its shipped
 * translations read as a type checker speaks ("se esperaba que texto tuviera >=1 caracteres").
 */
import type { I18n } from '@lingui/core';
import type { CustomProblem, InputProblem } from '@mentoring/shared';

export function sayInputProblem(i18n: I18n, p: InputProblem): string {
  switch (p.kind) {
    case 'missing':
      return i18n._(/*i18n*/ { id: 'input.problem.missing', message: 'This is needed.' });
    case 'empty':
      return i18n._(/*i18n*/ { id: 'input.problem.empty', message: 'This cannot be empty.' });
    case 'too_short':
      return p.of === 'items'
        ? i18n._(
            /*i18n*/ {
              id: 'input.problem.too-few',
              message: '{min, plural, one {Choose at least # item.} other {Choose at least # items.}}',
              values: { min: p.min },
            },
          )
        : i18n._(
            /*i18n*/ {
              id: 'input.problem.too-short',
              message: '{min, plural, one {Write at least # character.} other {Write at least # characters.}}',
              values: { min: p.min },
            },
          );
    case 'too_long':
      return p.of === 'items'
        ? i18n._(
            /*i18n*/ {
              id: 'input.problem.too-many',
              message: '{max, plural, one {Choose at most # item.} other {Choose at most # items.}}',
              values: { max: p.max },
            },
          )
        : i18n._(
            /*i18n*/ {
              id: 'input.problem.too-long',
              message:
                '{max, plural, one {Keep this to # character or fewer.} other {Keep this to # characters or fewer.}}',
              values: { max: p.max },
            },
          );
    case 'below':
      return i18n._(
        /*i18n*/ { id: 'input.problem.below', message: 'This must be at least {min, number}.', values: { min: p.min } },
      );
    case 'above':
      return i18n._(
        /*i18n*/ { id: 'input.problem.above', message: 'This must be at most {max, number}.', values: { max: p.max } },
      );
    case 'not_whole_number':
      return i18n._(/*i18n*/ { id: 'input.problem.whole-number', message: 'Use a whole number.' });
    case 'format':
      return sayFormat(i18n, p.format);
    case 'choice':
      return i18n._(/*i18n*/ { id: 'input.problem.choice', message: 'Choose one of the options.' });
    case 'custom':
      return sayCustom(i18n, p.problem);
    case 'not_valid':
      return i18n._(/*i18n*/ { id: 'input.problem.not-valid', message: 'This is not valid.' });
  }
}

function sayFormat(i18n: I18n, format: (InputProblem & { kind: 'format' })['format']): string {
  switch (format) {
    case 'url':
      return i18n._(/*i18n*/ { id: 'input.problem.url', message: 'Enter a full web address, starting with https://.' });
    case 'email':
      return i18n._(/*i18n*/ { id: 'input.problem.email', message: 'Enter an e-mail address.' });
    case 'date':
      return i18n._(/*i18n*/ { id: 'input.problem.date', message: 'Enter a date as YYYY-MM-DD.' });
    case 'date_time':
      return i18n._(
        /*i18n*/ {
          id: 'input.problem.date-time',
          message: 'Enter a date and a time with its offset (ISO 8601, such as 2026-03-02T15:00:00Z).',
        },
      );
    case 'other':
      return i18n._(/*i18n*/ { id: 'input.problem.format', message: 'This is not in the expected form.' });
  }
}

function sayCustom(i18n: I18n, problem: CustomProblem): string {
  switch (problem) {
    case 'unstorable_text':
      return i18n._(
        /*i18n*/ {
          id: 'input.problem.unstorable-text',
          message: 'This text has a character that cannot be kept (a NUL character or broken Unicode).',
        },
      );
    case 'time_zone':
      return i18n._(/*i18n*/ { id: 'input.problem.time-zone', message: 'This is not a time zone the tool knows.' });
    case 'end_reason':
      return i18n._(/*i18n*/ { id: 'input.problem.end-reason', message: 'Say why the partnership ends.' });
    case 'connection_code':
      return i18n._(
        /*i18n*/ {
          id: 'input.problem.connection-code',
          message:
            'Paste the whole connection code from “Connect your browser” in your mentoring workspace (it looks like ABCD-EFGH@https://mentoring.example.org).',
        },
      );
  }
}

import { describe, expect, it } from 'vitest';
import { conflict, forbidden, invalid, notFound, upstream } from '../services/errors.ts';
import { serverI18n } from '../i18n/server.ts';
import { sayInputProblem } from '../i18n/input-problems.ts';
import { forbidden as refuse, HttpError, invalid as refuseInput, sayIn, toHttpError } from './errors.ts';

describe('toHttpError', () => {
  it('maps each domain refusal to its status, keeping message and field', () => {
    const tooLong = { id: 'test.too-long', message: '{field}: too long', values: { field: 'title' } };
    expect(toHttpError(invalid(tooLong, 'title'))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'title: too long',
      field: 'title',
      text: tooLong,
    });
    expect(toHttpError(forbidden({ id: 'test.not-yours', message: 'Not yours.' }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(toHttpError(notFound('The goal'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(toHttpError(conflict({ id: 'test.done', message: 'Already done.' }))).toMatchObject({
      status: 409,
      code: 'conflict',
    });
    expect(toHttpError(upstream({ id: 'test.lms', message: 'The LMS said no.' }))).toMatchObject({
      status: 502,
      code: 'internal',
    });
  });
  it('passes HTTP errors through and leaves anything else to be a 500', () => {
    const own = new HttpError(413, 'invalid_input', 'Too large.');
    expect(toHttpError(own)).toBe(own);
    expect(toHttpError(new Error('boom'))).toBeUndefined();
  });
});

describe('the HTTP layer’s own refusals', () => {
  it('carry their catalog message, with its English as the message for logs and callers with no language', () => {
    // The api's own message, by its id (a literal here would be extracted from the test).
    const text = { id: 'error.staff-only', message: 'Only program staff can do this.' };
    const staffOnly = refuse(text);
    expect(staffOnly).toMatchObject({ status: 403, code: 'forbidden', message: 'Only program staff can do this.' });
    expect(sayIn(serverI18n('es'), staffOnly.text!)).toBe('Solo el equipo del programa puede hacer esto.');
    const worded = refuseInput((i18n) => sayInputProblem(i18n, { kind: 'empty' }), 'title');
    expect(worded).toMatchObject({ status: 400, field: 'title', message: 'This cannot be empty.' });
    expect(sayIn(serverI18n('fr'), worded.text!)).toBe('Ce champ ne peut pas être vide.');
  });
});

import { describe, expect, it } from 'vitest';
import { conflict, forbidden, invalid, notFound, upstream } from '../services/errors.ts';
import { HttpError, toHttpError } from './errors.ts';

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

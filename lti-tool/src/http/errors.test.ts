import { describe, expect, it } from 'vitest';
import { conflict, forbidden, invalid, notFound, upstream } from '../services/errors.ts';
import { HttpError, toHttpError } from './errors.ts';

describe('toHttpError', () => {
  it('maps each domain refusal to its status, keeping message and field', () => {
    expect(toHttpError(invalid('title: too long', 'title'))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'title: too long',
      field: 'title',
    });
    expect(toHttpError(forbidden('Not yours.'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(toHttpError(notFound('The goal'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(toHttpError(conflict('Already done.'))).toMatchObject({ status: 409, code: 'conflict' });
    expect(toHttpError(upstream('The LMS said no.'))).toMatchObject({ status: 502, code: 'internal' });
  });
  it('passes HTTP errors through and leaves anything else to be a 500', () => {
    const own = new HttpError(413, 'invalid_input', 'Too large.');
    expect(toHttpError(own)).toBe(own);
    expect(toHttpError(new Error('boom'))).toBeUndefined();
  });
});

/** Refusals and bad input as HTTP answers with the `{ error: { code, message, field? } }` body. */
import type { MessageDescriptor } from '@lingui/core';
import type { ErrorCode } from '@mentoring/shared';
import { DomainError, type DomainErrorKind } from '../services/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The message as a server catalog message, for the person's language (`message` is its English). */
    readonly text?: MessageDescriptor,
  ) {
    super(message);
  }
}

const STATUS: Record<DomainErrorKind, { status: number; code: ErrorCode }> = {
  invalid: { status: 400, code: 'invalid_input' },
  forbidden: { status: 403, code: 'forbidden' },
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  upstream: { status: 502, code: 'internal' },
};

/** A service's refusal as the HTTP answer it becomes; anything else is not an answer (a 500). */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (!(err instanceof DomainError)) return undefined;
  const { status, code } = STATUS[err.kind];
  return new HttpError(status, code, err.message, err.field, err.text);
}

export const invalid = (message: string, field?: string) => new HttpError(400, 'invalid_input', message, field);
export const unauthenticated = (message = 'Sign in from your course to continue.', text?: MessageDescriptor) =>
  new HttpError(401, 'unauthenticated', message, undefined, text);
export const forbidden = (message: string, text?: MessageDescriptor) =>
  new HttpError(403, 'forbidden', message, undefined, text);
export const notFound = (what: string) =>
  new HttpError(404, 'not_found', `${what} was not found, or you are not a member of it.`);

/** Refusals and bad input as HTTP answers with the `{ error: { code, message, field? } }` body. */
import type { ErrorCode } from '@mentoring/shared';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string, field?: string) => new HttpError(400, 'invalid_input', message, field);
export const unauthenticated = (message = 'Sign in from your course to continue.') =>
  new HttpError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) =>
  new HttpError(404, 'not_found', `${what} was not found, or you are not a member of it.`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);

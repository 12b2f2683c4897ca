/** Refusals and bad input as HTTP answers with the `{ error: { code, message, field? } }` body. */
import type { I18n, MessageDescriptor } from '@lingui/core';
import type { ErrorCode } from '@mentoring/shared';
import { DomainError, type DomainErrorKind } from '../services/errors.ts';
import { serverI18n } from '../i18n/server.ts';

/** A refusal's words for a person: a catalog message, or words made from a catalog (an input problem). */
export type Saying = MessageDescriptor | ((i18n: I18n) => string);

export const sayIn = (i18n: I18n, text: Saying) => (typeof text === 'function' ? text(i18n) : i18n._(text));

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The message for the person's language (`message` is its English). */
    readonly text?: Saying,
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

/** A refusal worded for the person; its English is its `message`, for logs and callers with no language. */
export const refusal = (status: number, code: ErrorCode, text: Saying, field?: string) =>
  new HttpError(status, code, sayIn(serverI18n('en'), text), field, text);

export const invalid = (text: Saying, field?: string) => refusal(400, 'invalid_input', text, field);
export const unauthenticated = (text: MessageDescriptor) => refusal(401, 'unauthenticated', text);
export const forbidden = (text: MessageDescriptor) => refusal(403, 'forbidden', text);

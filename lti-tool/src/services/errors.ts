/**
 * What a service says when it refuses or cannot do something, in the domain's words. The HTTP layer
 * (`http/errors.ts`) maps each kind to a status; services never speak HTTP.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'upstream';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field at fault, for `invalid`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input the schemas could not catch (a reference outside the partnership, an empty response). */
export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);
/** The person is known and a member, but this is not theirs to do. */
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** Missing, or not the person's to see: the two are told apart to nobody (confidentiality). */
export const notFound = (what: string) =>
  new DomainError('not_found', `${what} was not found, or you are not a member of it.`);
/** The request clashes with the current state (an answered prompt, a repeated evaluation). */
export const conflict = (message: string) => new DomainError('conflict', message);
/** The LMS (roster, gradebook) did not do its part. */
export const upstream = (message: string) => new DomainError('upstream', message);

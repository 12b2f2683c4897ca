/**
 * What a service says when it refuses or cannot do something, in the domain's words. The HTTP layer
 * (`http/errors.ts`) maps each kind to a status; services never speak HTTP.
 */
import type { MessageDescriptor } from '@lingui/core';

export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'upstream';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field at fault, for `invalid`. */
    readonly field?: string,
    /** The message as a server catalog message, for the person's language (`message` is its English). */
    readonly text?: MessageDescriptor,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** What may be not found, as `notFound` names it. */
const THINGS = {
  'The action': 'action',
  'The browser connection': 'connection',
  'The checkpoint': 'checkpoint',
  'The clip': 'clip',
  'The commitment': 'commitment',
  'The conversation': 'conversation',
  'The goal': 'goal',
  'The invitation': 'invitation',
  'The partnership': 'partnership',
  'The program': 'program',
  'The prompt': 'prompt',
  'The request': 'request',
  'Your program': 'yourProgram',
} as const;
export type Thing = keyof typeof THINGS;

/** Bad input the schemas could not catch (a reference outside the partnership, an empty response). */
export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);
/** The person is known and a member, but this is not theirs to do. */
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** Missing, or not the person's to see: the two are told apart to nobody (confidentiality). */
export const notFound = (what: Thing) =>
  new DomainError(
    'not_found',
    `${what} was not found, or you are not a member of it.`,
    undefined,
    /*i18n*/ {
      id: 'error.not-found',
      message:
        '{thing, select, action {The action} connection {The browser connection} checkpoint {The checkpoint} clip {The clip} commitment {The commitment} conversation {The conversation} goal {The goal} invitation {The invitation} partnership {The partnership} program {The program} prompt {The prompt} request {The request} other {Your program}} was not found, or you are not a member of it.',
      values: { thing: THINGS[what] },
    },
  );
/** The request clashes with the current state (an answered prompt, a repeated evaluation). */
export const conflict = (message: string) => new DomainError('conflict', message);
/** The LMS (roster, gradebook) did not do its part. */
export const upstream = (message: string) => new DomainError('upstream', message);

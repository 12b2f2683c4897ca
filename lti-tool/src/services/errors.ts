/**
 * What a service says when it refuses or cannot do something, in the domain's words. The HTTP layer
 * (`http/errors.ts`) maps each kind to a status; services never speak HTTP.
 */
import type { MessageDescriptor } from '@lingui/core';
import { serverI18n } from '../i18n/server.ts';

export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'upstream';

/**
 * Every refusal is a server catalog message (`refusal.<area>.<what>`), worded in the person's
 * language where it is answered; `message` is its English, for logs and English readers.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly text: MessageDescriptor,
    /** The input field at fault, for `invalid`. */
    readonly field?: string,
  ) {
    super(serverI18n('en')._(text));
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
export const invalid = (text: MessageDescriptor, field?: string) => new DomainError('invalid', text, field);
/** The person is known and a member, but this is not theirs to do. */
export const forbidden = (text: MessageDescriptor) => new DomainError('forbidden', text);
/** Missing, or not the person's to see: the two are told apart to nobody (confidentiality). */
export const notFound = (what: Thing) =>
  new DomainError(
    'not_found',
    /*i18n*/ {
      id: 'error.not-found',
      message:
        '{thing, select, action {The action} connection {The browser connection} checkpoint {The checkpoint} clip {The clip} commitment {The commitment} conversation {The conversation} goal {The goal} invitation {The invitation} partnership {The partnership} program {The program} prompt {The prompt} request {The request} other {Your program}} was not found, or you are not a member of it.',
      values: { thing: THINGS[what] },
    },
  );
/** The request clashes with the current state (an answered prompt, a repeated evaluation). */
export const conflict = (text: MessageDescriptor) => new DomainError('conflict', text);
/** The LMS (roster, gradebook) did not do its part. */
export const upstream = (text: MessageDescriptor) => new DomainError('upstream', text);

/**
 * Resource requests (docs/design.md, principle 7: just in time): the mentee asks for what they need
 * and the mentor answers. In a collegial partnership either partner asks and the other answers.
 */
import type { ResourceRequest } from '../domain.ts';
import { canWriteContent, hasRole, type PartnershipView } from './access.ts';

export function requestAskRefusal(p: PartnershipView, personId: string): string | null {
  if (!canWriteContent(p, personId)) return 'Only members of an active partnership ask for resources in it.';
  return hasRole(p, personId, 'mentee')
    ? null
    : 'Resource requests are the mentee’s: the mentee asks for what they need, and the mentor answers.';
}

export function canAskForResource(p: PartnershipView, personId: string): boolean {
  return requestAskRefusal(p, personId) === null;
}

/** Why `personId` may not answer `request`, or null when they may; an answer, once given, stays. */
export function requestAnswerRefusal(
  p: PartnershipView,
  request: Pick<ResourceRequest, 'askedById' | 'status'>,
  personId: string,
): { kind: 'forbidden' | 'conflict'; message: string } | null {
  if (!canWriteContent(p, personId) || !hasRole(p, personId, 'mentor') || request.askedById === personId) {
    return {
      kind: 'forbidden',
      message:
        'A resource request is answered by the mentor (in a collegial partnership, by the partner who was asked).',
    };
  }
  if (request.status !== 'open') return { kind: 'conflict', message: 'This request has been answered already.' };
  return null;
}

export function canAnswerRequest(
  p: PartnershipView,
  request: Pick<ResourceRequest, 'askedById' | 'status'>,
  personId: string,
): boolean {
  return requestAnswerRefusal(p, request, personId) === null;
}

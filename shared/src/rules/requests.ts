/**
 * Resource requests (docs/design.md, principle 7: just in time): the mentee asks for what they need
 * and the mentor answers. In a collegial partnership either partner asks and the other answers.
 */
import type { ResourceRequest } from '../domain.ts';
import { canWriteContent, hasRole, type PartnershipView } from './access.ts';

/** Why someone may not ask for a resource: each part words the reason in its own catalog. */
export type RequestAskRefusal = 'not_active_member' | 'not_mentee';

export function requestAskRefusal(p: PartnershipView, personId: string): RequestAskRefusal | null {
  if (!canWriteContent(p, personId)) return 'not_active_member';
  return hasRole(p, personId, 'mentee') ? null : 'not_mentee';
}

export function canAskForResource(p: PartnershipView, personId: string): boolean {
  return requestAskRefusal(p, personId) === null;
}

/** Why someone may not answer a request: not theirs to answer, or answered already (a conflict). */
export type RequestAnswerRefusal = 'not_answerer' | 'answered';

/** Why `personId` may not answer `request`, or null when they may; an answer, once given, stays. */
export function requestAnswerRefusal(
  p: PartnershipView,
  request: Pick<ResourceRequest, 'askedById' | 'status'>,
  personId: string,
): RequestAnswerRefusal | null {
  if (!canWriteContent(p, personId) || !hasRole(p, personId, 'mentor') || request.askedById === personId)
    return 'not_answerer';
  return request.status === 'open' ? null : 'answered';
}

export function canAnswerRequest(
  p: PartnershipView,
  request: Pick<ResourceRequest, 'askedById' | 'status'>,
  personId: string,
): boolean {
  return requestAnswerRefusal(p, request, personId) === null;
}

/** Partnerships the rules' unit tests reason about: Mara mentors Ben; Eli and Fay coach each other. */
import type { Member } from '../domain.ts';

export const member = (
  personId: string,
  role: Member['role'],
  invitation: Member['invitation'] = 'accepted',
): Member => ({ personId, name: personId, role, invitation });

export const mentoring = {
  kind: 'mentoring' as const,
  status: 'active' as const,
  members: [member('mara', 'mentor'), member('ben', 'mentee')],
};

export const collegial = {
  kind: 'collegial' as const,
  status: 'active' as const,
  members: [member('eli', 'mentee'), member('fay', 'mentor')],
};

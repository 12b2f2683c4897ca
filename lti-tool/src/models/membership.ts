/** Partnerships' members and standing in one indexed query: what the access rules read, nothing more. */
import type { Member, PartnershipKind, PartnershipStatus } from '@mentoring/shared';
import type { Sql } from '../db/sql.ts';

/** Enough of a partnership for the shared access rules (`canWriteContent` and friends). */
export interface PartnershipAccess {
  programId: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  members: Member[];
}

/** The access view of each of `partnershipIds` that exists. */
export async function partnershipsAccess(sql: Sql, partnershipIds: string[]): Promise<Map<string, PartnershipAccess>> {
  const rows = await sql.all<{
    id: string;
    program_id: string;
    kind: PartnershipKind;
    status: PartnershipStatus;
    person_id: string;
    role: Member['role'];
    invitation: Member['invitation'];
  }>(
    `SELECT p.id, p.program_id, p.kind, p.status, m.person_id, m.role, m.invitation
       FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
      WHERE p.id IN (:partnershipIds)`,
    { partnershipIds },
  );
  const views = new Map<string, PartnershipAccess>();
  for (const r of rows) {
    let view = views.get(r.id);
    if (!view) views.set(r.id, (view = { programId: r.program_id, kind: r.kind, status: r.status, members: [] }));
    view.members.push({ personId: r.person_id, name: '', role: r.role, invitation: r.invitation });
  }
  return views;
}

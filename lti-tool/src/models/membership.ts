/** A partnership's members and standing in one indexed query: what the access rules read, nothing more. */
import type { Member, PartnershipKind, PartnershipStatus } from '@mentoring/shared';
import type { Sql } from '../db/sql.ts';

/** Enough of a partnership for the shared access rules (`canWriteContent` and friends). */
export interface PartnershipAccess {
  programId: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  members: Member[];
}

export async function partnershipAccess(sql: Sql, partnershipId: string): Promise<PartnershipAccess | undefined> {
  const rows = await sql.all<{
    program_id: string;
    kind: PartnershipKind;
    status: PartnershipStatus;
    person_id: string;
    role: Member['role'];
    invitation: Member['invitation'];
  }>(
    `SELECT p.program_id, p.kind, p.status, m.person_id, m.role, m.invitation
       FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
      WHERE p.id = :partnershipId`,
    { partnershipId },
  );
  const first = rows[0];
  return (
    first && {
      programId: first.program_id,
      kind: first.kind,
      status: first.status,
      members: rows.map((r) => ({ personId: r.person_id, name: '', role: r.role, invitation: r.invitation })),
    }
  );
}

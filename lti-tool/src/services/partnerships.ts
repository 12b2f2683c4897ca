/**
 * Forming partnerships (docs/design.md, principle 5: by the coordinator, or chosen by invitation), answering
 * invitations, the agreement, closing and reopening. Staff see partnerships of their program as
 * dates and members only (docs/design.md, principle 2).
 */
import {
  DEFAULT_AGREEMENT,
  memberOf,
  membersMayReopen,
  statusAfterAnswers,
  type Agreement,
  type CreatePartnership,
  type Member,
  type Partnership,
  type PartnershipList,
  type PartnershipQuery,
  type UpdatePartnership,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import {
  findPartnership,
  insertPartnership,
  pageCursor,
  partnershipPage,
  partnershipsOfPerson,
  publicPartnership,
  setInvitation,
  updatePartnershipRow,
  type PageCursor,
  type PartnershipPageQuery,
  type StoredPartnership,
} from '../models/partnerships.ts';
import { eventsOf, insertEvent } from '../models/history.ts';
import { findProgram, roster } from '../models/programs.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from './errors.ts';
import { readablePartnership } from './access.ts';
import type { App } from './app.ts';
import { cacheKey } from '../db/invalidations.ts';
import { notifyPartnership } from './notifications.ts';

const NO_AGREEMENT: Agreement = { purpose: '', meetingCadence: '', confidentiality: '' };

/** What staff may see of a partnership: who, since when, how it stands; the agreement is the partners' own. */
function withoutContent(p: StoredPartnership): Partnership {
  return { ...publicPartnership(p), agreement: NO_AGREEMENT };
}

/** Staff read the program a page at a time. */
const STAFF_PAGE = 50;
/** One person's own partnerships are few: those who do not page get them all. */
const PERSON_PAGE = 1_000;

/**
 * The model's page query for a list request: the filters as asked, the cursor checked, the quiet
 * filter with the program's own threshold. Staff see the whole program; a participant their own.
 */
export async function pageQuery(
  app: App,
  principal: Principal,
  query: PartnershipQuery,
  now: number,
): Promise<PartnershipPageQuery & { quietAfterDays: number }> {
  // From the read cache, as /api/me reads it: a launch's first page asks both at once.
  const program = await app.cache.get(cacheKey.program(principal.programId), () =>
    findProgram(app.sql, principal.programId),
  );
  if (!program) throw notFound('Your program');
  const staff = principal.programRole === 'staff';
  let after: PageCursor | undefined;
  if (query.cursor !== undefined) {
    after = pageCursor.read(query.cursor);
    if (!after)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.partnerships.bad-cursor',
          message: '{field}: this is not a cursor from this list; start again from the first page.',
          values: { field: 'cursor' },
        },
        'cursor',
      );
  }
  return {
    programId: program.id,
    quietAfterDays: program.quiet_after_days,
    ...(!staff && { memberId: principal.personId }),
    ...(query.status && { status: query.status }),
    ...(query.name && { name: query.name }),
    ...(query.quiet && {
      quiet: { quiet: query.quiet === 'true', quietAfterDays: program.quiet_after_days, now },
    }),
    ...(after && { after }),
    limit: query.limit ?? (staff ? STAFF_PAGE : PERSON_PAGE),
  };
}

/** A participant's partnerships, invitations to them included (not those they declined); staff: every one of the program. */
export async function partnershipsFor(
  app: App,
  principal: Principal,
  query: PartnershipQuery,
): Promise<PartnershipList> {
  const q = await pageQuery(app, principal, query, app.clock.now());
  const page = await partnershipPage(app.sql, q);
  return {
    partnerships: page.partnerships.map(principal.programRole === 'staff' ? withoutContent : publicPartnership),
    nextCursor: page.next && pageCursor.write(page.next),
  };
}

export async function partnershipFor(app: App, principal: Principal, id: string): Promise<Partnership> {
  if (principal.programRole === 'staff') {
    const p = await findPartnership(app.sql, id);
    if (p && p.programId === principal.programId) return withoutContent(p);
  }
  return publicPartnership(await readablePartnership(app, principal, id));
}

export type NewMember = CreatePartnership['members'][number];

/**
 * Members must be participants of the program, each once. Staff cannot be members: a member
 * reads coaching content, which staff never do (docs/design.md, principle 2).
 */
export async function checkMembers(app: App, programId: string, members: NewMember[]) {
  const named = members.map((m) => m.personId);
  const people = new Map((await roster(app.sql, programId, named)).map((r) => [r.personId, r]));
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const field = `members.${i}.personId`;
    const entry = people.get(m.personId);
    // Someone of another program is "not found", as a made-up id is: a refusal, not bad input.
    if (!entry)
      throw new DomainError(
        'not_found',
        /*i18n*/ {
          id: 'refusal.partnerships.member-unknown',
          message: '{field}: nobody with this id is in your program.',
          values: { field },
        },
        field,
      );
    const values = { field, name: entry.name };
    if (!entry.inCourse)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.partnerships.member-left',
          message: '{field}: {name} is no longer in the course.',
          values,
        },
        field,
      );
    if (entry.programRole !== 'participant') {
      throw invalid(
        /*i18n*/ {
          id: 'refusal.partnerships.member-staff',
          message:
            '{field}: {name} is program staff; staff see how partnerships are doing, never their content, so they cannot be a member.',
          values,
        },
        field,
      );
    }
    if (seen.has(m.personId))
      throw invalid(
        /*i18n*/ { id: 'refusal.partnerships.member-twice', message: '{field}: {name} is named twice.', values },
        field,
      );
    seen.add(m.personId);
  });
}

/**
 * A mentoring partnership has one mentor and one or more mentees; a collegial one is two peers,
 * both `partner` whatever roles were sent. Answers the members with their roles so settled.
 */
export function checkShape<M extends NewMember>(kind: Partnership['kind'], members: M[], invitation: boolean): M[] {
  const mentorCount = members.filter((m) => m.role === 'mentor').length;
  if (kind === 'collegial') {
    if (members.length !== 2)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.partnerships.collegial-two',
          message: '{field}: a collegial partnership is two peers.',
          values: { field: 'members' },
        },
        'members',
      );
    return members.map((m) => ({ ...m, role: 'partner' }));
  }
  if (members.some((m) => m.role === 'partner'))
    throw invalid(
      /*i18n*/ {
        id: 'refusal.partnerships.partner-in-mentoring',
        message:
          '{field}: in a mentoring partnership each member is a mentor or a mentee; “partner” is for collegial partnerships.',
        values: { field: 'members' },
      },
      'members',
    );
  if (mentorCount !== 1)
    throw invalid(
      /*i18n*/ {
        id: 'refusal.partnerships.one-mentor',
        message: '{field}: a mentoring partnership has exactly one mentor.',
        values: { field: 'members' },
      },
      'members',
    );
  if (invitation && members.length !== 2)
    throw invalid(
      /*i18n*/ {
        id: 'refusal.partnerships.invitation-two',
        message: '{field}: an invitation names you and the one person you invite.',
        values: { field: 'members' },
      },
      'members',
    );
  return members;
}

export async function formPartnership(app: App, principal: Principal, body: CreatePartnership): Promise<Partnership> {
  const agreement = { ...DEFAULT_AGREEMENT, ...body.agreement };
  const byStaff = principal.programRole === 'staff';
  if (!byStaff && !body.members.some((m) => m.personId === principal.personId)) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.partnerships.invite-with-yourself',
        message:
          'You can invite someone into a partnership with yourself; forming partnerships between other people is for program staff.',
      },
    );
  }
  const shaped = checkShape(body.kind, body.members, !byStaff);
  await checkMembers(app, principal.programId, shaped);
  if (!byStaff) await refuseDuplicateInvitation(app, principal, body);
  else if (!body.confirmDuplicate) await warnOfDuplicate(app, principal, body);

  const members = shaped.map((m) => ({
    ...m,
    // Staff form partnerships outright; an invitation waits for the invited person's answer.
    invitation: (byStaff || m.personId === principal.personId ? 'accepted' : 'pending') as Member['invitation'],
  }));
  const id = await app.sql.tx(async (sql) => {
    const made = await insertPartnership(
      sql,
      {
        programId: principal.programId,
        kind: body.kind,
        status: byStaff ? 'active' : 'invited',
        agreement,
        createdById: principal.personId,
        members,
      },
      app.clock.now(),
    );
    if (!byStaff)
      await notifyPartnership(app, sql, {
        partnershipId: made,
        event: { kind: 'invitation', actorId: principal.personId },
      });
    return made;
  });
  return publicPartnership((await findPartnership(app.sql, id))!);
}

/** One open invitation or partnership of a kind between the same two people is enough. */
async function refuseDuplicateInvitation(app: App, principal: Principal, body: CreatePartnership) {
  const other = body.members.find((m) => m.personId !== principal.personId)!;
  const mine = await partnershipsOfPerson(app.sql, principal.programId, principal.personId);
  const existing = mine.find(
    (p) =>
      p.kind === body.kind &&
      (p.status === 'invited' || p.status === 'active') &&
      p.members.length === 2 &&
      !!memberOf(p, other.personId),
  );
  if (existing) {
    const name = memberOf(existing, other.personId)!.name;
    throw conflict(
      existing.status === 'active'
        ? /*i18n*/ {
            id: 'refusal.partnerships.already-partners',
            message:
              '{kind, select, mentoring {You already have a mentoring partnership with {name}.} other {You already have a collegial partnership with {name}.}}',
            values: { kind: body.kind, name },
          }
        : /*i18n*/ {
            id: 'refusal.partnerships.already-invited',
            message: 'There is already an open invitation between you and {name}.',
            values: { name },
          },
    );
  }
}

/**
 * Staff are warned before forming a partnership of exactly the people of one that is not over
 * (in whatever order or roles); they may confirm and form it anyway.
 */
async function warnOfDuplicate(app: App, principal: Principal, body: CreatePartnership) {
  const ids = new Set(body.members.map((m) => m.personId));
  const existing = (await partnershipsOfPerson(app.sql, principal.programId, body.members[0]!.personId)).find(
    (p) =>
      ['invited', 'active', 'paused'].includes(p.status) &&
      p.members.length === ids.size &&
      p.members.every((m) => ids.has(m.personId)),
  );
  if (existing) {
    throw conflict(
      /*i18n*/ {
        id: 'refusal.partnerships.duplicate',
        message:
          '{names} already share a {kind, select, mentoring {mentoring} other {collegial}} partnership (formed {formed}, {status, select, invited {invited} active {active} other {paused}}). Confirm to form a second one anyway.',
        values: {
          names: existing.members.map((m) => m.name),
          kind: existing.kind,
          formed: existing.createdAt.slice(0, 10),
          status: existing.status,
        },
      },
    );
  }
}

/** Members change the agreement, close the partnership (everything is kept, read-only) or reopen it. */
export async function changePartnership(
  app: App,
  principal: Principal,
  id: string,
  change: UpdatePartnership,
): Promise<Partnership> {
  const p = await readablePartnership(app, principal, id);
  let status = p.status;
  if (change.status === 'closed' && p.status !== 'closed') {
    if (p.status !== 'active')
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.partnerships.close-inactive',
          message: 'Only an active partnership can be closed; an invitation is accepted or declined.',
        },
      );
    status = 'closed';
  } else if (change.status === 'active' && p.status !== 'active') {
    if (p.status !== 'closed')
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.partnerships.active-on-acceptance',
          message: 'This partnership becomes active when everyone invited has accepted.',
        },
      );
    const ended = (await eventsOf(app.sql, id)).findLast((e) => e.kind === 'ended');
    if (!membersMayReopen(p, ended?.byId))
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.partnerships.ended-by-program',
          message: 'Your program ended this partnership; ask your program coordinator to restart it.',
        },
      );
    status = 'active';
  }
  if (change.agreement && status !== 'active') {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.partnerships.agreement-not-now',
        message:
          '{status, select, closed {This partnership is closed; reopen it to change the agreement.} other {The agreement can be changed once the partnership is active.}}',
        values: { status },
      },
    );
  }
  const now = app.clock.now();
  const changed = await app.sql.tx(async (sql) => {
    const n = await updatePartnershipRow(
      sql,
      id,
      {
        ...(status !== p.status && { status, closedAt: status === 'closed' ? now : null }),
        ...(change.agreement && { agreement: { ...p.agreement, ...change.agreement } }),
      },
      now,
      change.agreementVersion,
    );
    if (n && status !== p.status)
      await insertEvent(
        sql,
        { partnershipId: id, kind: status === 'closed' ? 'ended' : 'reopened', byId: principal.personId },
        now,
      );
    return n;
  });
  if (!changed)
    throw conflict(
      /*i18n*/ {
        id: 'refusal.partnerships.agreement-changed-meanwhile',
        message:
          'Your partner changed the agreement while you were editing it. Here is their version; your text is kept.',
      },
    );
  return publicPartnership((await findPartnership(app.sql, id))!);
}

/** Only an invited person with an open invitation answers it; the partnership becomes active once all have accepted. */
export async function answerInvitation(
  app: App,
  principal: Principal,
  id: string,
  answer: 'accepted' | 'declined',
): Promise<Partnership> {
  const p = await findPartnership(app.sql, id);
  const me = p && p.programId === principal.programId ? memberOf(p, principal.personId) : undefined;
  if (!p || !me) throw notFound('The invitation');
  if (me.invitation !== 'pending') {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.partnerships.already-answered',
        message:
          '{answer, select, accepted {You have already accepted this partnership.} other {You have already declined this invitation.}}',
        values: { answer: me.invitation },
      },
    );
  }
  const members = p.members.map((m) => (m.personId === me.personId ? { ...m, invitation: answer } : m));
  const status = statusAfterAnswers({ ...p, members });
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    await setInvitation(sql, id, me.personId, answer);
    if (status !== p.status) await updatePartnershipRow(sql, id, { status }, now);
  });
  return publicPartnership((await findPartnership(app.sql, id))!);
}

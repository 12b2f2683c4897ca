/**
 * The one gate every partnership-scoped request passes: the partnership must be in the caller's
 * program and the caller one of its members. Anyone else gets the same 404, so a refusal never
 * tells whether the partnership exists (docs/design.md, "Who may see what").
 */
import { canReadContent, canWriteContent } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { findPartnership, type StoredPartnership } from '../models/partnerships.ts';
import { forbidden, notFound, type Thing } from './errors.ts';
import type { App } from './app.ts';

/** `what` names the thing asked for (a goal, a prompt…) in the refusal, when it is not the partnership itself. */
export async function readablePartnership(
  app: App,
  principal: Principal,
  partnershipId: string,
  what: Thing = 'The partnership',
): Promise<StoredPartnership> {
  const p = await findPartnership(app.sql, partnershipId);
  if (!p || p.programId !== principal.programId || !canReadContent(p, principal.personId)) throw notFound(what);
  return p;
}

export async function writablePartnership(
  app: App,
  principal: Principal,
  partnershipId: string,
  what: Thing = 'The partnership',
): Promise<StoredPartnership> {
  const p = await readablePartnership(app, principal, partnershipId, what);
  if (!canWriteContent(p, principal.personId)) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.partnerships.not-writable',
        message:
          '{status, select, closed {This partnership is closed; reopen it to make changes.} paused {Program staff have paused this partnership; everything is kept and can be read until it is resumed.} other {This partnership is not active yet.}}',
        values: { status: p.status },
      },
    );
  }
  return p;
}

/**
 * Resource requests (docs/design.md, principle 7: just in time): the mentee asks for what they need,
 * and the mentor answers with words, links and clips from the same partnership. Who asks and who
 * answers are the shared rules in `shared/src/rules/requests.ts`.
 */
import { requestAnswerRefusal, requestAskRefusal, type ResourceRequest } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { answerRequestRow, findRequest, insertRequest, requestsOf } from '../models/requests.ts';
import { conflict, forbidden, notFound } from './errors.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import { requireInPartnership } from './references.ts';
import type { App } from './app.ts';
import { notifyPartnership } from './notifications.ts';

export async function requestsFor(app: App, principal: Principal, partnershipId: string): Promise<ResourceRequest[]> {
  await readablePartnership(app, principal, partnershipId);
  return requestsOf(app.sql, partnershipId);
}

export async function askForResource(
  app: App,
  principal: Principal,
  partnershipId: string,
  question: string,
): Promise<ResourceRequest> {
  const p = await writablePartnership(app, principal, partnershipId);
  const refusal = requestAskRefusal(p, principal.personId);
  if (refusal)
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.requests.not-yours-to-ask',
        message:
          '{reason, select, not_active_member {Only members of an active partnership ask for resources in it.} other {Resource requests are the mentee’s: the mentee asks for what they need, and the mentor answers.}}',
        values: { reason: refusal },
      },
    );
  const id = await app.sql.tx(async (sql) => {
    const made = await insertRequest(sql, { partnershipId, askedById: principal.personId, question }, app.clock.now());
    await notifyPartnership(
      app,
      sql,
      { partnershipId, event: { kind: 'request-asked', actorId: principal.personId } },
      p,
    );
    return made;
  });
  return (await findRequest(app.sql, id))!;
}

export async function answerResourceRequest(
  app: App,
  principal: Principal,
  requestId: string,
  body: { text: string; links?: string[]; clipIds?: string[] },
): Promise<ResourceRequest> {
  const request = await findRequest(app.sql, requestId);
  if (!request) throw notFound('The request');
  const p = await writablePartnership(app, principal, request.partnershipId, 'The request');
  const refusal = requestAnswerRefusal(p, request, principal.personId);
  if (refusal === 'answered')
    throw conflict(
      /*i18n*/ { id: 'refusal.requests.already-answered', message: 'This request has been answered already.' },
    );
  if (refusal)
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.requests.not-yours-to-answer',
        message:
          'A resource request is answered by the mentor (in a collegial partnership, by the partner who was asked).',
      },
    );
  const clipIds = body.clipIds ?? [];
  await requireInPartnership(
    app.sql,
    p.id,
    clipIds.map((id, i) => ({ kind: 'clip' as const, id, field: `clipIds.${i}` })),
  );
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    await answerRequestRow(
      sql,
      requestId,
      { text: body.text, links: body.links ?? [], clipIds, answeredById: principal.personId, answeredAt: now },
      now,
    );
    await notifyPartnership(
      app,
      sql,
      {
        partnershipId: p.id,
        event: { kind: 'request-answered', actorId: principal.personId, askedById: request.askedById },
      },
      p,
    );
  });
  return (await findRequest(app.sql, requestId))!;
}

/** Partnerships: forming and inviting, invitations answered, the agreement, closing, and the download. */
import type { Handlers } from '../api.ts';
import { Answer } from '../api.ts';
import type { App } from '../../services/app.ts';
import {
  answerInvitation,
  changePartnership,
  formPartnership,
  partnershipFor,
  partnershipsFor,
} from '../../services/partnerships.ts';
import { exportFilename, exportMarkdown, partnershipExport } from '../../services/export.ts';
import { readerOf } from '../../services/me.ts';

type PartnershipRoutes =
  | 'listPartnerships'
  | 'createPartnership'
  | 'getPartnership'
  | 'updatePartnership'
  | 'acceptPartnership'
  | 'declinePartnership'
  | 'exportPartnership';

export function partnershipHandlers(app: App): Pick<Handlers, PartnershipRoutes> {
  return {
    listPartnerships: (p, { query }) => partnershipsFor(app, p, query),
    createPartnership: (p, { body }) => formPartnership(app, p, body),
    getPartnership: (p, { params }) => partnershipFor(app, p, params.id!),
    updatePartnership: (p, { params, body }) => changePartnership(app, p, params.id!, body),
    acceptPartnership: (p, { params }) => answerInvitation(app, p, params.id!, 'accepted'),
    declinePartnership: (p, { params }) => answerInvitation(app, p, params.id!, 'declined'),
    async exportPartnership(p, { params, query, languages }) {
      const data = await partnershipExport(app, p, params.id!);
      return query.format === 'md'
        ? new Answer(
            200,
            exportMarkdown(data, await readerOf(app, p.personId, languages)),
            'text/markdown; charset=utf-8',
            exportFilename(data, 'md'),
          )
        : new Answer(200, data, 'application/json; charset=utf-8', exportFilename(data, 'json'));
    },
  };
}

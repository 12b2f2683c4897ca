/** Staff steering partnerships (pause, end, members, nudges), the program report, and calendars. */
import type { Handlers } from '../api.ts';
import { Answer } from '../api.ts';
import type { App } from '../../services/app.ts';
import { changeLifecycle, changeMembers, nudge, nudgesFor, partnershipHistory } from '../../services/lifecycle.ts';
import { programReport, reportCsv } from '../../services/report.ts';
import { readerOf } from '../../services/me.ts';
import { serverI18n } from '../../i18n/server.ts';
import {
  calendarFeedOf,
  conversationIcs,
  feedIcs,
  makeCalendarFeed,
  revokeCalendarFeed,
} from '../../services/calendar.ts';

type LifecycleRoutes =
  | 'partnershipLifecycle'
  | 'changeMembers'
  | 'partnershipHistory'
  | 'nudgePartnership'
  | 'listNudges'
  | 'programReport'
  | 'conversationCalendar'
  | 'calendarFeed'
  | 'createCalendarFeed'
  | 'revokeCalendarFeed'
  | 'calendarFeedEvents';

const ICS = 'text/calendar; charset=utf-8';

export function lifecycleHandlers(app: App): Pick<Handlers, LifecycleRoutes> {
  return {
    partnershipLifecycle: (p, { params, body }) => changeLifecycle(app, p, params.id!, body),
    changeMembers: (p, { params, body }) => changeMembers(app, p, params.id!, body),
    partnershipHistory: (p, { params }) => partnershipHistory(app, p, params.id!),
    nudgePartnership: (p, { params }) => nudge(app, p, params.id!),
    listNudges: async (p, { params }) => ({ nudges: await nudgesFor(app, p, params.id!) }),
    async programReport(p, { query, languages }) {
      const report = await programReport(app, p);
      if (query.format !== 'csv') return report;
      const filename = `program-report-${report.generatedAt.slice(0, 10)}.csv`;
      // The spreadsheet is read by a person, in their language; the JSON report stays the contract.
      const reader = await readerOf(app, p.personId, languages);
      return new Answer(200, reportCsv(report, serverI18n(reader.locale)), 'text/csv; charset=utf-8', filename);
    },
    async conversationCalendar(p, { params, languages }) {
      const { ics, filename } = await conversationIcs(app, p, params.id!, languages);
      return new Answer(200, ics, ICS, filename);
    },
    calendarFeed: (p) => calendarFeedOf(app, p),
    createCalendarFeed: (p) => makeCalendarFeed(app, p),
    revokeCalendarFeed: (p) => revokeCalendarFeed(app, p),
    calendarFeedEvents: async ({ params }) => new Answer(200, await feedIcs(app, params.token!), ICS),
  };
}

/**
 * Every refused launch or login, told to whoever can act on it: a page for a browser (to the person,
 * or to the LMS administrator for registration faults), JSON for an API client, and one `warn` line
 * for the operator with the reason. Logs carry no personal data beyond the LMS user id.
 */
import type { Request, Response } from 'express';
import type { Locale } from '@mentoring/shared';
import type { App } from '../services/app.ts';
import { pageLocale, say, serverI18n, type Text } from '../i18n/server.ts';
import { refusalPage, type Audience } from './pages.ts';
import { claimedLocale } from './relaunch.ts';

export interface Refusal {
  status: number;
  /** Why, in a few words, for the operator's log (ltijs's code or ours). */
  reason: string;
  audience: Audience;
  /** In the launch's language, else the browser's (a string: English diagnostics for administrators). */
  title: Text;
  message: Text;
  issuer?: string;
  clientId?: string;
  lmsUserId?: string;
  /** A ready page to send to a browser instead of the standard refusal page, in the refusal's language. */
  page?: (locale: Locale) => string;
  /** Extra fields of the JSON answer. */
  details?: Record<string, unknown>;
}

/** JSON for clients that prefer it (`Accept: application/json`); a page for browsers and anything else. */
export const prefersJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** A page's language around a launch: the launch's own where it names one, else the browser's. */
export function launchPageLocale(req: Request): Locale {
  const body = req.body as { id_token?: unknown } | undefined;
  return pageLocale(req.headers['accept-language'], claimedLocale(body?.id_token));
}

export function answerRefusal(app: App, req: Request, res: Response, r: Refusal) {
  app.log.warn(
    {
      refused: r.reason,
      status: r.status,
      path: req.path,
      ...(r.issuer && { issuer: r.issuer }),
      ...(r.clientId && { clientId: r.clientId }),
      ...(r.lmsUserId && { lmsUserId: r.lmsUserId }),
    },
    'launch refused',
  );
  const locale = launchPageLocale(req);
  const message = say(serverI18n(locale), r.message);
  if (prefersJson(req)) {
    const code =
      r.status === 401
        ? 'unauthenticated'
        : r.status === 404
          ? 'not_found'
          : r.status === 400
            ? 'invalid_input'
            : 'forbidden';
    return res.status(r.status).json({ error: { code, message, reason: r.reason, ...r.details } });
  }
  return res
    .status(r.status)
    .type('html')
    .send(r.page ? r.page(locale) : refusalPage(r.title, message, r.audience, locale));
}

/**
 * Every refused launch or login, told to whoever can act on it: a page for a browser (to the person,
 * or to the LMS administrator for registration faults), JSON for an API client, and one `warn` line
 * for the operator with the reason. Logs carry no personal data beyond the LMS user id.
 */
import type { Request, Response } from 'express';
import type { App } from '../services/app.ts';
import { refusalPage, type Audience } from './pages.ts';

export interface Refusal {
  status: number;
  /** Why, in a few words, for the operator's log (ltijs's code or ours). */
  reason: string;
  audience: Audience;
  title: string;
  message: string;
  issuer?: string;
  clientId?: string;
  lmsUserId?: string;
  /** A ready page to send to a browser instead of the standard refusal page. */
  page?: string;
  /** Extra fields of the JSON answer. */
  details?: Record<string, unknown>;
}

/** JSON for clients that prefer it (`Accept: application/json`); a page for browsers and anything else. */
export const prefersJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

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
  if (prefersJson(req)) {
    const code =
      r.status === 401
        ? 'unauthenticated'
        : r.status === 404
          ? 'not_found'
          : r.status === 400
            ? 'invalid_input'
            : 'forbidden';
    return res.status(r.status).json({ error: { code, message: r.message, reason: r.reason, ...r.details } });
  }
  return res
    .status(r.status)
    .type('html')
    .send(r.page ?? refusalPage(r.title, r.message, r.audience));
}

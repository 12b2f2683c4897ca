/**
 * What the app's first screen needs, written into the page a launch opens (`/app/?ltik=…`): the
 * answers of `GET /api/me` and, for a participant, `GET /api/partnerships`, as the API gives them,
 * with the screen and the language catalog whose code to preload. The app would otherwise ask for
 * them one after another once its code has run: two round trips after the page's own.
 */
import type { Request } from 'express';
import { acceptedLanguages, PartnershipQuery, type FirstScreenData } from '@mentoring/shared';
import type { App } from '../services/app.ts';
import { describeMe } from '../services/me.ts';
import { partnershipsFor } from '../services/partnerships.ts';

export interface FirstScreen {
  /** The screen the launch most likely opens (the app decides by its route and `me`). */
  screen: 'home' | 'program';
  /** Read after the page's head has gone out, so the browser fetches code meanwhile. */
  data: Promise<FirstScreenData>;
}

/**
 * Nothing for a page opened without a launch's ltik, or with one that no longer signs in. The
 * ltik is known in memory after its launch: the screen is known at once, the data a moment later.
 */
export async function firstScreenOf(app: App, req: Request): Promise<FirstScreen | undefined> {
  const ltik = req.query.ltik;
  if (typeof ltik !== 'string' || !ltik) return undefined;
  const principal = await app.sessions.authenticate(ltik);
  if (!principal || principal.via !== 'launch') return undefined;
  const languages = acceptedLanguages(req.headers['accept-language']);
  if (principal.programRole === 'staff')
    return { screen: 'program', data: describeMe(app, principal, languages).then((me) => ({ me })) };
  return {
    screen: 'home',
    data: Promise.all([
      describeMe(app, principal, languages),
      partnershipsFor(app, principal, PartnershipQuery.parse({})),
    ]).then(([me, partnerships]) => ({ me, partnerships })),
  };
}

/**
 * What the tool checks around ltijs's OIDC login and launch:
 * - at login, the parameters are single strings and `target_link_uri` is an address of this tool
 *   (ltijs would otherwise send it to the LMS as the redirect URI); the nonce is the tool's own,
 *   random, and stored with the login's state in the database (several instances share it);
 * - at launch (after ltijs verified the signature), the id_token's claims are read by one schema and
 *   its nonce must be the one issued for this login, taken once.
 */
import crypto from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { decodeJwt } from 'jose';
import { issueNonce, takeNonce } from '../models/nonces.ts';
import type { App } from '../services/app.ts';
import { checkLaunchClaims, isUnder, LaunchRefused, parseLaunchClaims, type LaunchClaims } from './claims.ts';
import { refusalPage } from './pages.ts';
import { pageLocale, type Text } from '../i18n/server.ts';

/** Long enough for a slow LMS page or Platform Storage; ltijs's own state cookie lasts a minute. */
const NONCE_LIFETIME_MS = 10 * 60_000;
const LOGIN_PARAMETERS = ['iss', 'login_hint', 'target_link_uri', 'client_id', 'lti_deployment_id', 'lti_message_hint'];

const CANNOT_START = /*i18n*/ { id: 'login.cannot-start', message: 'This launch cannot be started' };

/** A login comes before any launch: the page is in the browser's language. */
function refuseLogin(req: Request, res: Response, status: number, title: Text, message: Text) {
  res
    .status(status)
    .type('html')
    .send(refusalPage(title, message, 'person', pageLocale(req.headers['accept-language'])));
}

/** Express middleware on /login, before anything else reads it: the login's parameters checked. */
export function loginChecks(app: App): Router {
  const router = express.Router();
  const parseForm = express.urlencoded({ extended: false, limit: '64kb' });
  router.all(
    '/login',
    (req, res, next) =>
      parseForm(req, res, (err?: unknown) => {
        if (!err) return next();
        // Too large and unreadable encodings keep their own statuses; anything else is a bad request.
        const given = (err as { status?: number }).status;
        const status = given === 413 || given === 415 ? given : 400;
        refuseLogin(
          req,
          res,
          status,
          CANNOT_START,
          /*i18n*/ {
            id: 'login.unreadable',
            message: 'The login request from the LMS could not be read.',
          },
        );
      }),
    (req, res, next) => {
      const params = { ...req.query, ...(req.body as Record<string, unknown> | undefined) } as Record<string, unknown>;
      const repeated = LOGIN_PARAMETERS.find((k) => params[k] !== undefined && typeof params[k] !== 'string');
      if (repeated)
        return refuseLogin(
          req,
          res,
          400,
          CANNOT_START,
          /*i18n*/ {
            id: 'login.repeated',
            message: 'The login parameter “{name}” must be given once, as text.',
            values: { name: repeated },
          },
        );
      const target = params.target_link_uri;
      if (typeof target === 'string' && target && !isUnder(target, app.config.publicUrl)) {
        return refuseLogin(
          req,
          res,
          400,
          CANNOT_START,
          /*i18n*/ {
            id: 'login.target',
            message:
              'The LMS asked the tool to sign you in for an address that is not part of this tool (target_link_uri). Ask your administrator to check the tool’s launch URL in the LMS.',
          },
        );
      }
      next();
    },
  );
  return router;
}

/** Express middleware on /login, right in front of ltijs's route: the nonce ltijs sends becomes the tool's own. */
export function loginNonce(app: App): Router {
  const router = express.Router();
  router.all('/login', (req, res, next) => {
    const redirect = res.redirect.bind(res) as (url: string) => void;
    res.redirect = ((url: string) => {
      const auth = URL.canParse(url) ? new URL(url) : undefined;
      const state = auth?.searchParams.get('state');
      if (!auth || !state || !auth.searchParams.has('nonce')) return redirect(url);
      const nonce = crypto.randomBytes(32).toString('base64url');
      auth.searchParams.set('nonce', nonce);
      const now = app.clock.now();
      issueNonce(app.sql, nonce, state, now + NONCE_LIFETIME_MS).then(
        () => redirect(auth.toString()),
        (err: unknown) => {
          app.log.error({ err }, 'could not store a login nonce');
          refuseLogin(
            req,
            res,
            503,
            /*i18n*/ { id: 'page.try-again', message: 'Please try again' },
            /*i18n*/ {
              id: 'login.failed',
              message: 'The tool could not start the sign-in just now. Launch again from your course.',
            },
          );
        },
      );
    }) as typeof res.redirect;
    next();
  });
  return router;
}

/**
 * Reads and checks the launch ltijs accepted, and takes its nonce: answers the claims, or throws
 * LaunchRefused. Nothing of the product is written before this passes.
 */
export async function checkLaunch(app: App, req: Request, clientId: string): Promise<LaunchClaims> {
  const body = req.body as { id_token?: unknown; state?: unknown } | undefined;
  if (typeof body?.id_token !== 'string' || typeof body.state !== 'string')
    throw new LaunchRefused(
      401,
      /*i18n*/ {
        id: 'launch.not-a-launch',
        message: 'This is not a launch from your course. Launch the tool again from there.',
      },
    );
  let payload: unknown;
  try {
    payload = decodeJwt(body.id_token);
  } catch {
    throw new LaunchRefused(
      400,
      /*i18n*/ { id: 'launch.unreadable', message: 'The launch’s id_token cannot be read.' },
    );
  }
  const claims = parseLaunchClaims(payload);
  // Token times against real time, as ltijs and the LMS read them; the nonce's life on the app's clock.
  checkLaunchClaims(claims, clientId, app.config.publicUrl, Math.floor(Date.now() / 1000));
  if (!(await takeNonce(app.sql, claims.nonce, body.state, app.clock.now()))) {
    throw new LaunchRefused(
      401,
      /*i18n*/ {
        id: 'launch.not-started-here',
        message:
          'This launch was not started by this tool’s sign-in in this browser, or was already used. Launch again from your course.',
      },
    );
  }
  return claims;
}

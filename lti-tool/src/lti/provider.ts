/**
 * The LTI 1.3 side, on ltijs: OIDC login, launch, deep linking, the tool's JWKS and Dynamic
 * Registration. ltijs runs in "ltiaas" mode so that after the launch the ltik alone authenticates
 * (no third-party cookie needed in the LMS iframe); our API checks ltiks itself (auth/sessions.ts).
 */
import type { Request, Response } from 'express';
import { admitLaunch, landLaunch } from '../services/launches.ts';
import { registerDynamically, RegistrationError, toolEndpoints } from '../services/registration.ts';
import { syncRoster } from '../services/roster.ts';
import { CLAIM, LaunchRefused, type LtiLaunchToken } from './claims.ts';
import { checkLaunch } from './launch-guard.ts';
import { deepLinkPage, nothingToPlacePage, refusalPage, registeredPage, type Audience } from './pages.ts';
import { allowFormAction, cspNonce } from '../http/security.ts';
import { cookieBlockedPage, type CookielessLaunches } from './cookieless.ts';
import { answerRefusal } from './refusals.ts';
import { pageLocale, serverI18n, type Text } from '../i18n/server.ts';
import type { MessageDescriptor } from '@lingui/core';
import { claimedBy } from './relaunch.ts';
import { keepPlatformKeysets } from './keysets.ts';
import type { App } from '../services/app.ts';
import type { ToolConfig } from '../config.ts';
import type { LtiProvider } from './ltijs.ts';

export function setupProvider(lti: LtiProvider, config: ToolConfig, plugin: unknown) {
  // Browsers treat loopback addresses as secure contexts, so the sandbox gets the same cross-site
  // cookies (SameSite=None; Secure) as an HTTPS deployment.
  const host = new URL(config.publicUrl).hostname;
  const secureContext = config.publicUrl.startsWith('https://') || ['127.0.0.1', 'localhost', '[::1]'].includes(host);
  keepPlatformKeysets();
  lti.setup(
    config.ltiKey,
    { plugin },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      dynRegRoute: '/register',
      ltiaas: true,
      // The state cookie must cross sites (the LMS posts the launch to the tool).
      cookies: secureContext ? { secure: true, sameSite: 'None' } : { secure: false, sameSite: 'Lax' },
      // ltijs's default of 10 s refuses launches from a slow browser or a clock a little off.
      tokenMaxAge: 60,
      cors: false,
      dynReg: {
        url: config.publicUrl,
        name: 'Mentoring workspaces',
        redirectUris: toolEndpoints(config.publicUrl).redirectUris,
        autoActivate: config.autoActivatePlatforms,
      },
    },
  );
}

/** The person's or the LMS administrator's words for ltijs's error codes. */
function explainLaunchError(code: string | undefined): { message: MessageDescriptor; audience: Audience } {
  const admin = (message: MessageDescriptor) => ({ message, audience: 'lms-admin' as const });
  const person = (message: MessageDescriptor) => ({ message, audience: 'person' as const });
  switch (code) {
    case 'UNREGISTERED_PLATFORM':
      return admin(
        /*i18n*/ {
          id: 'launch.unregistered',
          message: 'This LMS (issuer and client id) is not registered with the tool.',
        },
      );
    case 'PLATFORM_NOT_ACTIVATED':
      return admin(
        /*i18n*/ {
          id: 'launch.not-activated',
          message: 'This LMS is registered but not yet activated by the tool’s administrator.',
        },
      );
    case 'NONCE_ALREADY_RECEIVED':
      return person(
        /*i18n*/ { id: 'launch.used', message: 'This launch was already used. Launch again from your course.' },
      );
    case 'TOKEN_TOO_OLD':
    case 'TokenExpiredError':
    case 'jwt expired':
      return person(
        /*i18n*/ { id: 'launch.expired', message: 'The launch has expired. Launch again from your course.' },
      );
    case 'AUD_DOES_NOT_MATCH_CLIENTID':
      return admin(
        /*i18n*/ { id: 'launch.audience', message: 'The launch was meant for another tool (audience mismatch).' },
      );
    case 'invalid signature':
    case 'KEY_NOT_FOUND':
    case 'KEYSET_NOT_FOUND':
    case 'KID_NOT_FOUND':
      return admin(
        /*i18n*/ {
          id: 'launch.signature',
          message: 'The launch’s signature could not be verified with the LMS’s keys.',
        },
      );
    case 'ISS_CLAIM_DOES_NOT_MATCH':
      return admin(
        /*i18n*/ {
          id: 'launch.issuer',
          message: 'The launch came from another LMS than the one that started the sign-in.',
        },
      );
    case 'NO_LTIK_OR_IDTOKEN_FOUND':
      return person(
        /*i18n*/ {
          id: 'launch.from-course',
          message: 'This address opens the tool only from your course. Open the Mentoring workspaces activity there.',
        },
      );
    default:
      // ltijs's own codes are constants; anything else is an internal error's text and stays in the log.
      return person(
        code && /^[A-Z][A-Z_]+$/.test(code)
          ? /*i18n*/ {
              id: 'launch.unverified-code',
              message: 'The launch could not be verified ({code}). Launch again from your course.',
              values: { code },
            }
          : /*i18n*/ {
              id: 'launch.unverified',
              message:
                'The launch could not be verified: one of its claims is missing or has the wrong form. Launch again from your course.',
            },
      );
  }
}

const NOT_ACCEPTED = /*i18n*/ { id: 'launch.not-accepted', message: 'This launch cannot be accepted' };
const WENT_WRONG = /*i18n*/ { id: 'page.went-wrong', message: 'Something went wrong' };
const CANNOT_PLACE = /*i18n*/ { id: 'deep-link.cannot-place', message: 'Cannot place the tool' };

/** Issuer, client and LMS user id of a launch, for the log line of its refusal. */
const launchedBy = (token: LtiLaunchToken) => ({ issuer: token.iss, clientId: token.clientId, lmsUserId: token.user });

export function wireProvider(lti: LtiProvider, app: App, cookieless: CookielessLaunches) {
  const refuseLaunch = (
    req: Request,
    res: Response,
    token: LtiLaunchToken,
    err: LaunchRefused,
    title: Text = NOT_ACCEPTED,
  ) =>
    answerRefusal(app, req, res, {
      status: err.status,
      reason: err.message,
      audience: err.audience,
      title,
      message: err.text,
      ...launchedBy(token),
    });

  lti.onConnect(async (token, req, res) => {
    try {
      const ltik = res.locals.ltik as string;
      const claims = await checkLaunch(app, req, token.clientId);
      const landed = await landLaunch(app, await admitLaunch(app, claims, token.clientId), ltik);
      // Staff launches refresh the roster in the background; the page does not wait for it.
      if (landed.programRole === 'staff' && claims[CLAIM.nrps]?.context_memberships_url) {
        app.background(
          syncRoster(app, landed.programId).catch((err) => app.log.warn({ err }, 'roster sync after launch failed')),
        );
      }
      return res.redirect(302, `/app/?ltik=${encodeURIComponent(ltik)}`);
    } catch (err) {
      if (err instanceof LaunchRefused) return refuseLaunch(req, res, token, err);
      app.log.error({ err }, 'launch failed');
      return answerRefusal(app, req, res, {
        status: 500,
        reason: 'launch failed',
        audience: 'person',
        title: WENT_WRONG,
        message: /*i18n*/ {
          id: 'launch.failed',
          message: 'The launch could not be completed. Please launch again from your course.',
        },
        ...launchedBy(token),
      });
    }
  });

  lti.onDeepLinking(async (token, req, res) => {
    try {
      const ltik = res.locals.ltik as string;
      const claims = await checkLaunch(app, req, token.clientId);
      const settings = claims[CLAIM.deepLinking];
      if (!settings)
        return refuseLaunch(
          req,
          res,
          token,
          new LaunchRefused(
            400,
            /*i18n*/ { id: 'deep-link.no-return', message: 'The LMS did not say where to return the placement.' },
          ),
          CANNOT_PLACE,
        );
      const returnUrl = settings.deep_link_return_url;
      if (app.config.production && !returnUrl.toLowerCase().startsWith('https://'))
        return refuseLaunch(
          req,
          res,
          token,
          new LaunchRefused(
            400,
            /*i18n*/ { id: 'deep-link.not-https', message: 'The LMS’s deep-linking return address is not https.' },
          ),
          CANNOT_PLACE,
        );
      const admitted = await admitLaunch(app, claims, token.clientId);
      const locale = pageLocale(req.headers['accept-language'], claims[CLAIM.launchPresentation]?.locale);
      // What the LMS shows the person placing the tool, in their language.
      const i18n = serverI18n(locale);
      allowFormAction(res, returnUrl);
      if (!settings.accept_types.includes('ltiResourceLink')) {
        // Nothing the tool can place: the LMS hears an empty answer with the reason, never a success.
        const jwt = await lti.DeepLinking.createDeepLinkingMessage(token, [], {
          errMessage: i18n._({
            id: 'deep-link.only-link',
            message: 'Mentoring workspaces can only be placed as an LTI link (ltiResourceLink).',
          }),
          errLog: `accept_types offered no ltiResourceLink: ${settings.accept_types.join(', ')}`,
        });
        return res.type('html').send(nothingToPlacePage(returnUrl, jwt, settings.accept_types, locale));
      }
      await landLaunch(app, admitted, ltik);
      const jwt = await lti.DeepLinking.createDeepLinkingMessage(
        token,
        [
          {
            type: 'ltiResourceLink',
            title: 'Mentoring workspaces',
            text: i18n._({
              id: 'deep-link.link-text',
              message: 'Your confidential mentoring workspaces: goals, readings, reflection prompts and conversations.',
            }),
            url: toolEndpoints(app.config.publicUrl).launchUrl,
          },
        ],
        { message: i18n._({ id: 'deep-link.added', message: 'Mentoring workspaces was added to the course.' }) },
      );
      return res.type('html').send(deepLinkPage(returnUrl, jwt, admitted.context.title, locale));
    } catch (err) {
      if (err instanceof LaunchRefused) return refuseLaunch(req, res, token, err);
      app.log.error({ err }, 'deep linking failed');
      return answerRefusal(app, req, res, {
        status: 500,
        reason: 'deep linking failed',
        audience: 'person',
        title: WENT_WRONG,
        message: /*i18n*/ { id: 'deep-link.failed', message: 'The tool could not be placed. Please try again.' },
        ...launchedBy(token),
      });
    }
  });

  lti.onInvalidToken(async (req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    const code = details?.message;
    const body = (req.body ?? {}) as { state?: unknown; id_token?: unknown };
    const claimed = claimedBy(body.id_token);
    if (code === 'MISSING_VALIDATION_COOKIE') {
      const relaunchUrl = await cookieless.relaunchUrl(body.state, body.id_token).catch((err: unknown) => {
        app.log.error({ err }, 'could not find where to relaunch');
        return null;
      });
      return answerRefusal(app, req, res, {
        status: 401,
        reason: `state cookie missing (${relaunchUrl ? 'relaunch offered' : 'no relaunch address'})`,
        audience: 'person',
        title: /*i18n*/ { id: 'cookie.title', message: 'Continue in a new window' },
        message: /*i18n*/ {
          id: 'cookie.message',
          message: 'Your browser kept the tool from signing you in inside the course page (its cookie was blocked).',
        },
        page: (locale) => cookieBlockedPage(relaunchUrl, locale),
        details: { relaunchUrl },
        ...claimed,
      });
    }
    const { message, audience } = explainLaunchError(code);
    return answerRefusal(app, req, res, {
      status: 401,
      reason: code ?? 'invalid launch',
      audience,
      title: NOT_ACCEPTED,
      message,
      ...claimed,
    });
  });
  lti.onSessionTimeout((req, res) =>
    answerRefusal(app, req, res, {
      status: 401,
      reason: 'session not found',
      audience: 'person',
      title: /*i18n*/ { id: 'session.ended', message: 'Your session has ended' },
      message: /*i18n*/ { id: 'session.launch-again', message: 'Launch the tool again from your course.' },
    }),
  );
  const loginIssuer = (req: Request) => {
    const iss = (req.body as { iss?: unknown } | undefined)?.iss ?? req.query.iss;
    return typeof iss === 'string' ? iss.slice(0, 512) : undefined;
  };
  lti.onUnregisteredPlatform((req, res) =>
    answerRefusal(app, req, res, {
      status: 400,
      reason: 'UNREGISTERED_PLATFORM',
      audience: 'lms-admin',
      title: /*i18n*/ { id: 'login.unknown-lms-title', message: 'Unknown LMS' },
      message: /*i18n*/ {
        id: 'login.unknown-lms',
        message:
          'This LMS is not registered with Mentoring workspaces. Register it with LTI Dynamic Registration (the tool’s /register address), or ask the tool’s operator to add it (`npm run platform -- add`).',
      },
      issuer: loginIssuer(req),
    }),
  );
  lti.onInactivePlatform((req, res) =>
    answerRefusal(app, req, res, {
      status: 401,
      reason: 'PLATFORM_NOT_ACTIVATED',
      audience: 'lms-admin',
      title: /*i18n*/ { id: 'login.inactive-lms-title', message: 'LMS not activated' },
      message: /*i18n*/ {
        id: 'login.inactive-lms',
        message:
          'This LMS is registered with Mentoring workspaces but not activated yet: the tool’s operator activates it.',
      },
      issuer: loginIssuer(req),
    }),
  );

  lti.onDynamicRegistration(async (req, res) => {
    // Registration is an LMS administrator's, in their browser's language.
    const locale = pageLocale(req.headers['accept-language']);
    const configUrl = req.query.openid_configuration;
    if (typeof configUrl !== 'string' || !configUrl) {
      return res
        .status(400)
        .type('html')
        .send(
          refusalPage(
            /*i18n*/ { id: 'register.needs-lms-title', message: 'Registration needs the LMS' },
            /*i18n*/ {
              id: 'register.needs-lms',
              message: 'Start the registration from your LMS: it opens this address with its openid_configuration.',
            },
            'lms-admin',
            locale,
          ),
        );
    }
    try {
      const token = typeof req.query.registration_token === 'string' ? req.query.registration_token : undefined;
      await registerDynamically(app, configUrl, token);
      return res.type('html').send(registeredPage(cspNonce(res), locale));
    } catch (err) {
      // The remote's answer and internal errors stay in the log; the page says what to do.
      const message: Text =
        err instanceof RegistrationError
          ? err.message
          : /*i18n*/ {
              id: 'register.failed-inside',
              message: 'Registration failed inside the tool. Its administrator can find the details in the tool’s log.',
            };
      app.log.warn({ err }, 'dynamic registration failed');
      return res
        .status(err instanceof RegistrationError ? 400 : 500)
        .type('html')
        .send(
          refusalPage(/*i18n*/ { id: 'register.failed', message: 'Registration failed' }, message, 'lms-admin', locale),
        );
    }
  });
}

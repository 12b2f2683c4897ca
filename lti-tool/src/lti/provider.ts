/**
 * The LTI 1.3 side, on ltijs: OIDC login, launch, deep linking, the tool's JWKS and Dynamic
 * Registration. ltijs runs in "ltiaas" mode so that after the launch the ltik alone authenticates
 * (no third-party cookie needed in the LMS iframe); our API checks ltiks itself (auth/sessions.ts).
 */
import type { Request, Response } from 'express';
import { landLaunch } from '../services/launches.ts';
import { registerDynamically, RegistrationError, toolEndpoints } from '../services/registration.ts';
import { syncRoster } from '../services/roster.ts';
import { LaunchRefused } from './claims.ts';
import { deepLinkPage, refusalPage } from './pages.ts';
import { cookieBlockedPage, type CookielessLaunches } from './cookieless.ts';
import type { App } from '../services/app.ts';
import type { ToolConfig } from '../config.ts';
import type { LtiProvider } from './ltijs.ts';

export function setupProvider(lti: LtiProvider, config: ToolConfig, plugin: unknown) {
  // Browsers treat loopback addresses as secure contexts, so the sandbox gets the same cross-site
  // cookies (SameSite=None; Secure) as an HTTPS deployment.
  const host = new URL(config.publicUrl).hostname;
  const secureContext = config.publicUrl.startsWith('https://') || ['127.0.0.1', 'localhost', '[::1]'].includes(host);
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

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html') || req.method === 'POST';

function refuse(req: Request, res: Response, status: number, title: string, message: string) {
  if (wantsHtml(req) && !(req.headers.accept ?? '').includes('application/json')) {
    res.status(status).type('html').send(refusalPage(title, message));
  } else {
    res.status(status).json({ error: { code: status === 401 ? 'unauthenticated' : 'forbidden', message } });
  }
}

/** Words for ltijs's error codes, for the person who sees the refusal. */
function explainLaunchError(code: string | undefined): string {
  switch (code) {
    case 'MISSING_VALIDATION_COOKIE':
      return 'Your browser did not keep the sign-in cookie for this launch (third-party cookies may be blocked). Open the tool in a new window from your course.';
    case 'UNREGISTERED_PLATFORM':
      return 'This LMS (issuer and client id) is not registered with the tool.';
    case 'PLATFORM_NOT_ACTIVATED':
      return 'This LMS is registered but not yet activated by the tool’s administrator.';
    case 'NONCE_ALREADY_RECEIVED':
      return 'This launch was already used. Launch again from your course.';
    case 'TOKEN_TOO_OLD':
    case 'TokenExpiredError':
    case 'jwt expired':
      return 'The launch has expired. Launch again from your course.';
    case 'AUD_DOES_NOT_MATCH_CLIENTID':
      return 'The launch was meant for another tool (audience mismatch).';
    case 'invalid signature':
    case 'KEY_NOT_FOUND':
      return 'The launch’s signature could not be verified with the LMS’s keys.';
    default:
      return `The launch could not be verified${code ? ` (${code})` : ''}. Launch again from your course.`;
  }
}

export function wireProvider(lti: LtiProvider, app: App, cookieless: CookielessLaunches) {
  /** Every refused launch is logged with its reason (never its token); then the person is told. */
  const refuseLaunch = (req: Request, res: Response, status: number, title: string, message: string) => {
    if (status < 500) app.log.warn({ status, path: req.path, reason: message }, 'launch refused');
    return refuse(req, res, status, title, message);
  };
  lti.onConnect(async (token, req, res) => {
    try {
      const ltik = res.locals.ltik as string;
      const landed = await landLaunch(app, token, ltik);
      // Staff launches refresh the roster in the background; the page does not wait for it.
      if (landed.programRole === 'staff' && token.platformContext.namesRoles?.context_memberships_url) {
        app.background(
          syncRoster(app, landed.programId).catch((err) => app.log.warn({ err }, 'roster sync after launch failed')),
        );
      }
      return res.redirect(302, `/app/?ltik=${encodeURIComponent(ltik)}`);
    } catch (err) {
      if (err instanceof LaunchRefused)
        return refuseLaunch(req, res, err.status, 'This launch cannot be accepted', err.message);
      app.log.error({ err }, 'launch failed');
      return refuseLaunch(
        req,
        res,
        500,
        'Something went wrong',
        'The launch could not be completed. Please launch again from your course.',
      );
    }
  });

  lti.onDeepLinking(async (token, req, res) => {
    try {
      const ltik = res.locals.ltik as string;
      await landLaunch(app, token, ltik);
      const returnUrl = token.platformContext.deepLinkingSettings?.deep_link_return_url;
      if (!returnUrl)
        return refuseLaunch(
          req,
          res,
          400,
          'Cannot place the tool',
          'The LMS did not say where to return the placement.',
        );
      const jwt = await lti.DeepLinking.createDeepLinkingMessage(
        token,
        [
          {
            type: 'ltiResourceLink',
            title: 'Mentoring workspaces',
            text: 'Your confidential mentoring workspaces: goals, readings, reflection prompts and conversations.',
            url: toolEndpoints(app.config.publicUrl).launchUrl,
          },
        ],
        { message: 'Mentoring workspaces was added to the course.' },
      );
      return res.type('html').send(deepLinkPage(returnUrl, jwt, token.platformContext.context?.title ?? 'this course'));
    } catch (err) {
      if (err instanceof LaunchRefused)
        return refuseLaunch(req, res, err.status, 'This launch cannot be accepted', err.message);
      app.log.error({ err }, 'deep linking failed');
      return refuseLaunch(req, res, 500, 'Something went wrong', 'The tool could not be placed. Please try again.');
    }
  });

  lti.onInvalidToken((req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    if (details?.message === 'MISSING_VALIDATION_COOKIE' && !(req.headers.accept ?? '').includes('application/json')) {
      app.log.warn({ status: 401, path: req.path, reason: details.message }, 'launch refused: offered a new window');
      const state = (req.body as { state?: unknown } | undefined)?.state;
      return res
        .status(401)
        .type('html')
        .send(cookieBlockedPage(cookieless.newWindowUrl(state)));
    }
    return refuseLaunch(req, res, 401, 'This launch cannot be accepted', explainLaunchError(details?.message));
  });
  lti.onSessionTimeout((req, res) =>
    refuseLaunch(req, res, 401, 'Your session has ended', 'Launch the tool again from your course.'),
  );
  lti.onUnregisteredPlatform((req, res) =>
    refuseLaunch(
      req,
      res,
      400,
      'Unknown LMS',
      'This LMS is not registered with the tool. Ask your administrator to register it (Dynamic Registration or `npm run platform -- add`).',
    ),
  );
  lti.onInactivePlatform((req, res) =>
    refuseLaunch(
      req,
      res,
      401,
      'LMS not activated',
      'This LMS is registered but not activated yet. Ask the tool’s administrator to activate it.',
    ),
  );

  lti.onDynamicRegistration(async (req, res) => {
    const configUrl = req.query.openid_configuration;
    if (typeof configUrl !== 'string' || !configUrl) {
      return res
        .status(400)
        .type('html')
        .send(
          refusalPage(
            'Registration needs the LMS',
            'Start the registration from your LMS: it opens this address with its openid_configuration.',
          ),
        );
    }
    try {
      const token = typeof req.query.registration_token === 'string' ? req.query.registration_token : undefined;
      await registerDynamically(app, configUrl, token);
      return res
        .type('html')
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Registered</title></head><body><p>Mentoring workspaces is registered. You can close this window.</p><script>(window.opener || window.parent).postMessage({subject:'org.imsglobal.lti.close'}, '*');</script></body></html>`,
        );
    } catch (err) {
      const message = err instanceof RegistrationError ? err.message : `Registration failed: ${(err as Error).message}`;
      app.log.warn({ err }, 'dynamic registration failed');
      return res
        .status(err instanceof RegistrationError ? 400 : 500)
        .type('html')
        .send(refusalPage('Registration failed', message));
    }
  });
}

/**
 * Launches where the browser treats the tool's cookies in the LMS frame as third-party. ltijs binds
 * a launch to the browser that started it with a short-lived `state<state>` cookie, set at /login
 * and read at /launch. Three ways through, tried in this order:
 * - the state cookie is `Partitioned` (CHIPS): browsers that block third-party cookies still keep
 *   it for the tool inside this LMS's pages (Chromium, Edge, Safari 18.4+);
 * - LTI Platform Storage (`lti_storage_target` in the login, GET or POST): the platform's page keeps
 *   a secret for the state (`lti.put_data` / `lti.get_data` postMessages), read back at launch;
 * - otherwise the refusal page offers to start the launch again from the LMS in a new window
 *   (`relaunch.ts`), where the cookie is first-party.
 * Logins in flight live in the database, so a launch may end on another instance than it began.
 */
import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { html, scriptJson, type SafeHtml } from '../http/html.ts';
import {
  findPendingLogin,
  prunePendingLogins,
  relaunchTemplateOf,
  savePendingLogin,
  spendPendingLogin,
} from '../models/logins.ts';
import type { App } from '../services/app.ts';
import type { Locale } from '@mentoring/shared';
import type { I18n } from '@lingui/core';
import { serverI18n } from '../i18n/server.ts';
import { page } from './pages.ts';
import { claimedBy, expandRelaunchTemplate, moodleRelaunchUrl, verifiedRelaunchClaims } from './relaunch.ts';
import { answerRefusal, launchPageLocale } from './refusals.ts';

/** A window name (`_parent`, `_top`, or a frame's name such as Canvas's `post_message_forwarding`). */
const STORAGE_TARGET = /^[A-Za-z0-9_-]{1,64}$/;
const TEN_MINUTES = 600_000;
const STATE = /^[A-Za-z0-9%_-]{1,128}$/;
const STORAGE_SCRIPT_PATH = '/lti/platform-storage.js';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

type LoginParams = Record<string, unknown>;

export class CookielessLaunches {
  private prunedAt = 0;

  constructor(private readonly app: App) {}

  /** Express middleware that runs before ltijs on its /login and /launch routes. */
  router(): Router {
    const router = express.Router();
    const form = express.urlencoded({ extended: false, limit: '64kb' });
    router.get(STORAGE_SCRIPT_PATH, (_req, res) => {
      res.type('text/javascript').set('cache-control', 'public, max-age=3600').send(STORAGE_SCRIPT);
    });
    router.all('/login', form, (req, res, next) => this.aroundLogin(req, res, next));
    router.post(['/launch', '/launch/'], form, (req, res, next) => {
      partitionStateCookies(res);
      this.beforeLaunch(req, res, next).catch(next);
    });
    return router;
  }

  /**
   * Where the person can start this launch again top-level: the operator's template for the platform
   * (filled from the verified id_token), else Moodle's activity address noted at login, else none.
   */
  async relaunchUrl(state: unknown, idToken: unknown): Promise<string | null> {
    if (typeof idToken === 'string') {
      const { issuer, clientId } = claimedBy(idToken);
      const template = issuer && clientId ? await relaunchTemplateOf(this.app.sql, issuer, clientId) : null;
      if (template) {
        const verified = await verifiedRelaunchClaims(this.app, idToken).catch((err: unknown) => {
          this.app.log.warn(
            { err: (err as Error).message, issuer },
            'relaunch template not filled: id_token not verified',
          );
          return null;
        });
        const url = verified && expandRelaunchTemplate(template, verified.claims);
        if (url) return url;
      }
    }
    if (typeof state !== 'string' || !STATE.test(state)) return null;
    return (await findPendingLogin(this.app.sql, state))?.relaunchUrl ?? null;
  }

  /** Lets ltijs answer the login: checks its parameters, notes the login, and stores a secret with the platform. */
  private aroundLogin(req: Request, res: Response, next: NextFunction) {
    const params = { ...req.query, ...(req.body as LoginParams | undefined) } as LoginParams;
    const missing = ['iss', 'login_hint', 'target_link_uri'].filter((k) => typeof params[k] !== 'string' || !params[k]);
    if (missing.length === 3 && params.client_id === undefined)
      return answerRefusal(this.app, req, res, {
        status: 400,
        reason: 'login without parameters',
        audience: 'person',
        title: /*i18n*/ { id: 'login.from-course-title', message: 'Open Mentoring workspaces from your course' },
        message: /*i18n*/ {
          id: 'login.from-course',
          message:
            'This address is where your LMS starts a sign-in. Open the Mentoring workspaces activity or link in your course instead.',
        },
      });
    if (missing.length)
      return answerRefusal(this.app, req, res, {
        status: 400,
        reason: `login initiation lacks ${missing.join(', ')}`,
        audience: 'lms-admin',
        title: /*i18n*/ { id: 'login.incomplete-title', message: 'The LMS started the sign-in without what it needs' },
        message: /*i18n*/ {
          id: 'login.incomplete',
          message:
            'The LMS’s login initiation did not include {parameters}. Check the tool’s “Initiate login URL” (this /login address) and “Tool URL” (its /launch address) in the LMS’s tool settings.',
          values: { parameters: missing.join(', ') },
        },
        issuer: typeof params.iss === 'string' ? params.iss : undefined,
      });
    const target = params.lti_storage_target;
    if (target !== undefined && (typeof target !== 'string' || !STORAGE_TARGET.test(target)))
      return answerRefusal(this.app, req, res, {
        status: 400,
        reason: 'lti_storage_target is not a window name',
        audience: 'lms-admin',
        title: /*i18n*/ { id: 'login.unusable-title', message: 'The LMS sent a sign-in the tool cannot use' },
        message: /*i18n*/ {
          id: 'login.storage-target',
          message:
            'The login initiation names a Platform Storage frame (lti_storage_target) that is not a window name. The LMS or a link pointing at this tool sent it.',
        },
        issuer: params.iss as string,
      });

    partitionStateCookies(res);
    let state: string | undefined;
    const setCookie = res.cookie.bind(res);
    res.cookie = ((name: string, value: unknown, options: express.CookieOptions) => {
      if (name.startsWith('state')) state = name.slice('state'.length);
      return setCookie(name, value as string, options);
    }) as typeof res.cookie;
    const redirect = res.redirect.bind(res) as (url: string) => void;
    res.redirect = ((url: unknown) => {
      if (!state || typeof url !== 'string') return redirect(url as string);
      this.remember(state, params, target, url, res, redirect, launchPageLocale(req)).catch((err: unknown) => {
        this.app.log.error({ err }, 'could not note a pending login');
        if (!res.headersSent) redirect(url);
      });
    }) as typeof res.redirect;
    next();
  }

  private async remember(
    state: string,
    params: LoginParams,
    target: unknown,
    authUrl: string,
    res: Response,
    redirect: (url: string) => void,
    locale: Locale,
  ) {
    const issuer = params.iss as string;
    const login = {
      state,
      issuer,
      clientId: typeof params.client_id === 'string' ? params.client_id : null,
      relaunchUrl: moodleRelaunchUrl(issuer, params.lti_message_hint),
      expiresAt: Date.now() + TEN_MINUTES,
    };
    this.pruneNowAndThen();
    if (typeof target !== 'string') {
      await savePendingLogin(this.app.sql, { ...login, storage: null });
      return redirect(authUrl);
    }
    const secret = crypto.randomBytes(24).toString('base64url');
    const origin = new URL(authUrl).origin;
    await savePendingLogin(this.app.sql, { ...login, storage: { target, origin, secretHash: sha256(secret) } });
    res
      .type('html')
      .send(
        storagePage(
          locale,
          res,
          { action: 'put', target, origin, key: storageKey(state), value: secret, next: authUrl },
          () => html``,
        ),
      );
  }

  private pruneNowAndThen() {
    const now = Date.now();
    if (now - this.prunedAt < 60_000) return;
    this.prunedAt = now;
    this.app.background(
      prunePendingLogins(this.app.sql, now).catch((err: unknown) =>
        this.app.log.warn({ err }, 'pruning pending logins failed'),
      ),
    );
  }

  /**
   * A launch without its state cookie: with Platform Storage, read the secret back from the platform
   * and post again; with the right secret, stand in the cookie ltijs checks. Anything else goes on to
   * ltijs, which refuses it (and the refusal page offers to start again from the LMS).
   */
  private async beforeLaunch(req: Request, res: Response, next: NextFunction) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { state, id_token: idToken } = body;
    if (typeof idToken !== 'string' || typeof state !== 'string' || !STATE.test(state)) return next();
    if ((req.headers.cookie ?? '').includes(`state${state}=`)) return next();
    const login = await findPendingLogin(this.app.sql, state);
    if (!login?.storage) return next();
    const given = body.platform_storage_secret;
    if (given === undefined) {
      return res.type('html').send(
        storagePage(
          launchPageLocale(req),
          res,
          { action: 'get', target: login.storage.target, origin: login.storage.origin, key: storageKey(state) },
          (i18n) => html`<form id="launch" method="post" action="/launch">
<input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${state}">
<input type="hidden" name="platform_storage_secret" value=""><noscript><button type="submit">${i18n._({ id: 'login.continue', message: 'Continue' })}</button></noscript></form>`,
        ),
      );
    }
    if (typeof given !== 'string' || !sameHash(sha256(given), login.storage.secretHash)) return next();
    if (!(await spendPendingLogin(this.app.sql, state))) return next();
    // The platform's storage vouched for this browser: give ltijs the state cookie it would have had.
    const cookie = `state${state}=${encodeURIComponent(`s:${signCookie(login.issuer, this.app.config.ltiKey)}`)}`;
    req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; ${cookie}` : cookie;
    next();
  }
}

/** ltijs 5.9.9 ignores a `partitioned` option: add it where ltijs writes (or clears) its state cookie. */
function partitionStateCookies(res: Response) {
  const cookie = res.cookie.bind(res) as (name: string, value: unknown, options: express.CookieOptions) => Response;
  res.cookie = ((name: string, value: unknown, options: express.CookieOptions = {}) =>
    cookie(
      name,
      value,
      name.startsWith('state') && options.secure ? { ...options, partitioned: true } : options,
    )) as typeof res.cookie;
}

const storageKey = (state: string) => `mw_state_${state}`;

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** cookie-parser's signed-cookie format (what ltijs's `res.cookie(…, { signed: true })` writes). */
function signCookie(value: string, secret: string): string {
  return `${value}.${crypto.createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
}

type StorageTask =
  | { action: 'put'; target: string; origin: string; key: string; value: string; next: string }
  | { action: 'get'; target: string; origin: string; key: string };

/** A page that talks to the platform's storage: data as JSON (never script), the code from a static file. */
function storagePage(locale: Locale, res: Response, task: StorageTask, extra: (i18n: I18n) => SafeHtml): string {
  const nonce = typeof res.locals.cspNonce === 'string' ? res.locals.cspNonce : undefined;
  const i18n = serverI18n(locale);
  return page(
    i18n._({ id: 'login.signing-in-title', message: 'Signing you in' }),
    html`<h1>${i18n._({ id: 'login.signing-in', message: 'Signing you in…' })}</h1><p>${i18n._({
      id: 'login.signing-in-wait',
      message: 'One moment while your LMS confirms who you are.',
    })}</p>${extra(i18n)}
<script type="application/json" id="platform-storage">${scriptJson(task)}</script>
<script src="${STORAGE_SCRIPT_PATH}"${nonce && html` nonce="${nonce}"`}></script>`.value,
    locale,
  );
}

/** Sends one Platform Storage message to the platform's frame and waits for its answer. */
const STORAGE_SCRIPT = `(() => {
  const task = JSON.parse(document.getElementById('platform-storage').textContent);
  const target =
    task.target === '_parent' ? window.parent : task.target === '_top' ? window.top : window.parent.frames[task.target] || window.parent;
  function ask(subject, fields) {
    return new Promise((resolve, reject) => {
      const id = crypto.randomUUID();
      const timer = setTimeout(() => { removeEventListener('message', on); reject(new Error('no answer')); }, 3000);
      function on(e) {
        if (e.origin !== task.origin || !e.data || e.data.message_id !== id) return;
        clearTimeout(timer);
        removeEventListener('message', on);
        e.data.error ? reject(new Error(e.data.error.message || e.data.error.code)) : resolve(e.data);
      }
      addEventListener('message', on);
      target.postMessage(Object.assign({ subject: subject, message_id: id }, fields), task.origin);
    });
  }
  if (task.action === 'put') {
    ask('lti.put_data', { key: task.key, value: task.value }).catch(() => undefined).then(() => { location.href = task.next; });
  } else {
    const form = document.getElementById('launch');
    ask('lti.get_data', { key: task.key })
      .then((answer) => { form.elements.platform_storage_secret.value = answer.value || ''; }, () => undefined)
      .then(() => form.submit());
  }
})();
`;

/** The refusal shown when the state cookie was blocked and no other way through worked. */
export function cookieBlockedPage(relaunchUrl: string | null, locale: Locale = 'en'): string {
  const i18n = serverI18n(locale);
  const title = i18n._({ id: 'cookie.title', message: 'Continue in a new window' });
  const action = relaunchUrl
    ? html`<p><a class="button" href="${relaunchUrl}" target="_blank" rel="noopener">${title}</a></p>
<p>${i18n._({
        id: 'cookie.relaunch',
        message:
          'Your LMS opens this activity again in its own window, where your browser allows the sign-in. You can keep this course page open.',
      })}</p>`
    : html`<p>${i18n._({
        id: 'cookie.new-window',
        message:
          'Open this activity from your course in a new window: many LMSs offer “Open in new window” beside the activity, or open its link with your browser’s “Open link in new window”.',
      })}</p>`;
  return page(
    title,
    html`<h1>${i18n._({ id: 'cookie.heading', message: 'Your browser kept the tool from signing you in here' })}</h1>
<p>${i18n._({
      id: 'cookie.explain',
      message:
        'Inside the course page, the tool needs a short-lived sign-in cookie, and your browser blocks cookies for sites embedded in other sites.',
    })}</p>${action}`.value,
    locale,
  );
}

/**
 * Launches where the browser blocks the tool's cookie in the LMS iframe. ltijs binds a launch to
 * the browser that started it with a short-lived "state" cookie; in a cross-site iframe that cookie
 * may never arrive. Two standards-based ways through:
 * - LTI Platform Storage (`lti_storage_target` in the login): the state's secret is kept by the
 *   platform's page through `lti.put_data` / `lti.get_data` postMessages, and read back at launch;
 * - otherwise the refusal page offers to continue in a new window, where the cookie is first-party.
 */
import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { escapeHtml, page } from './pages.ts';
import { cspNonce } from '../http/security.ts';

interface PendingLogin {
  /** The login initiation URL, to start again in a new window. */
  loginUrl: string;
  issuer: string;
  storage?: { target: string; origin: string; secret: string };
  expiresAt: number;
}

const TEN_MINUTES = 600_000;

export class CookielessLaunches {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(
    private readonly cookieSecret: string,
    private readonly publicUrl: string,
  ) {}

  /** Express middleware that runs before ltijs on its /login and /launch routes. */
  router(): Router {
    const router = express.Router();
    router.all('/login', (req, res, next) => this.aroundLogin(req, res, next));
    router.post('/launch', express.urlencoded({ extended: false }), (req, res, next) =>
      this.beforeLaunch(req, res, next),
    );
    return router;
  }

  /** The login page that lets a person continue in a new window, for the refusal page. */
  newWindowUrl(state: unknown): string | undefined {
    return typeof state === 'string' ? this.live(state)?.loginUrl : undefined;
  }

  private live(state: string): PendingLogin | undefined {
    const p = this.pending.get(state);
    if (p && p.expiresAt > Date.now()) return p;
    this.pending.delete(state);
    return undefined;
  }

  private remember(state: string, login: PendingLogin) {
    const now = Date.now();
    if (this.pending.size > 10_000) for (const [k, v] of this.pending) if (v.expiresAt <= now) this.pending.delete(k);
    this.pending.set(state, login);
  }

  /** Lets ltijs answer the login, noting its state and, with Platform Storage, storing it there first. */
  private aroundLogin(req: Request, res: Response, next: NextFunction) {
    const params = { ...req.query, ...(req.body as Record<string, unknown> | undefined) } as Record<string, unknown>;
    const target = typeof params.lti_storage_target === 'string' ? params.lti_storage_target : undefined;
    const loginUrl = new URL(`${this.publicUrl}/login`);
    for (const [k, v] of Object.entries(params))
      if (typeof v === 'string' && k !== 'lti_storage_target') loginUrl.searchParams.set(k, v);
    let state: string | undefined;
    const setCookie = res.cookie.bind(res);
    res.cookie = ((name: string, value: unknown, options: express.CookieOptions) => {
      if (name.startsWith('state')) state = name.slice('state'.length);
      return setCookie(name, value as string, options);
    }) as typeof res.cookie;
    const redirect = res.redirect.bind(res) as (url: string) => void;
    res.redirect = ((url: string) => {
      if (!state) return redirect(url);
      const login: PendingLogin = {
        loginUrl: loginUrl.toString(),
        issuer: String(params.iss ?? ''),
        expiresAt: Date.now() + TEN_MINUTES,
      };
      if (!target) {
        this.remember(state, login);
        return redirect(url);
      }
      const secret = crypto.randomBytes(24).toString('base64url');
      const origin = new URL(url).origin;
      this.remember(state, { ...login, storage: { target, origin, secret } });
      res.type('html').send(storePage(target, origin, `mw_state_${state}`, secret, url, cspNonce(res)));
    }) as typeof res.redirect;
    next();
  }

  /**
   * A launch without its state cookie: with Platform Storage, read the secret back from the platform
   * and post again; with the secret, stand in the cookie ltijs checks. Anything else goes on to
   * ltijs, which refuses it (and the refusal page offers a new window).
   */
  private beforeLaunch(req: Request, res: Response, next: NextFunction) {
    const body = req.body as Record<string, string | undefined>;
    const state = body.state;
    if (!body.id_token || !state || (req.headers.cookie ?? '').includes(`state${state}=`)) return next();
    const login = this.live(state);
    if (!login?.storage) return next();
    const given = body.platform_storage_secret;
    if (given === undefined) {
      return res
        .type('html')
        .send(
          readPage(
            login.storage.target,
            login.storage.origin,
            `mw_state_${state}`,
            body.id_token,
            state,
            login.loginUrl,
            cspNonce(res),
          ),
        );
    }
    const expected = Buffer.from(login.storage.secret);
    if (given.length !== login.storage.secret.length || !crypto.timingSafeEqual(Buffer.from(given), expected))
      return next();
    this.pending.delete(state);
    // The platform's storage vouched for this browser: give ltijs the state cookie it would have had.
    const cookie = `state${state}=${encodeURIComponent(`s:${signCookie(login.issuer, this.cookieSecret)}`)}`;
    req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; ${cookie}` : cookie;
    next();
  }
}

/** cookie-parser's signed-cookie format (what ltijs's `res.cookie(…, { signed: true })` writes). */
function signCookie(value: string, secret: string): string {
  return `${value}.${crypto.createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
}

const targetWindow = `(t) => t === '_parent' ? window.parent : (window.parent.frames[t] || window.parent)`;

/** Sends one Platform Storage message and waits for its answer. */
const storageClient = (target: string, origin: string) => `
const target = (${targetWindow})(${JSON.stringify(target)});
function ask(subject, data) {
  return new Promise((resolve, reject) => {
    const id = crypto.randomUUID();
    const timer = setTimeout(() => { removeEventListener('message', on); reject(new Error('no answer')); }, 3000);
    function on(e) {
      if (e.origin !== ${JSON.stringify(origin)} || !e.data || e.data.message_id !== id) return;
      clearTimeout(timer); removeEventListener('message', on);
      e.data.error ? reject(new Error(e.data.error.message || e.data.error.code)) : resolve(e.data);
    }
    addEventListener('message', on);
    target.postMessage({ subject, message_id: id, ...data }, ${JSON.stringify(origin)});
  });
}`;

function storePage(
  target: string,
  origin: string,
  key: string,
  secret: string,
  authUrl: string,
  nonce: string,
): string {
  return page(
    'Signing you in',
    `<h1>Signing you in…</h1><p>One moment while your LMS confirms who you are.</p>
<script nonce="${nonce}">${storageClient(target, origin)}
ask('lti.put_data', { key: ${JSON.stringify(key)}, value: ${JSON.stringify(secret)} })
  .catch(() => undefined)
  .then(() => { location.href = ${JSON.stringify(authUrl)}; });
</script>`,
  );
}

function readPage(
  target: string,
  origin: string,
  key: string,
  idToken: string,
  state: string,
  loginUrl: string,
  nonce: string,
): string {
  return page(
    'Signing you in',
    `<h1>Signing you in…</h1>
<form id="launch" method="post" action="/launch">
<input type="hidden" name="id_token" value="${escapeHtml(idToken)}"><input type="hidden" name="state" value="${escapeHtml(state)}">
<input type="hidden" name="platform_storage_secret" value=""></form>
<div id="blocked" hidden><p>Your browser blocked what this tool needs to sign you in inside the course page.</p>
<p><a href="${escapeHtml(loginUrl)}" target="_blank" rel="opener">Continue in a new window</a></p></div>
<script nonce="${nonce}">${storageClient(target, origin)}
ask('lti.get_data', { key: ${JSON.stringify(key)} }).then((answer) => {
  const form = document.getElementById('launch');
  form.elements.platform_storage_secret.value = answer.value || '';
  form.submit();
}).catch(() => { document.getElementById('blocked').hidden = false; });
</script>`,
  );
}

/** The refusal shown when the state cookie was blocked and the platform offers no storage. */
export function cookieBlockedPage(newWindowUrl: string | undefined): string {
  const action = newWindowUrl
    ? `<p><a class="button" href="${escapeHtml(newWindowUrl)}" target="_blank" rel="opener">Continue in a new window</a></p>
<p>The workspace opens in its own window, where your browser allows the sign-in. You can keep this course page open.</p>`
    : '<p>Open the tool again from your course in a new window (your LMS usually offers “Open in new window”).</p>';
  return page(
    'Continue in a new window',
    `<h1>Your browser kept the tool from signing you in here</h1>
<p>Inside the course page, the tool needs a short-lived sign-in cookie, and your browser blocks cookies for sites embedded in other sites.</p>${action}`,
  );
}

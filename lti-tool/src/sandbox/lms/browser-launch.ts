/**
 * An LTI 1.3 launch done the way a browser does it, with plain fetch: the tool's login initiation, the LMS's
 * auto-posting form, the POST of the id_token back to the tool, then redirects up to the app URL with its `ltik`.
 * Fast enough for launch benchmarks: no HTML parsing beyond one form, keep-alive connections (fetch's default).
 */
import type { LaunchParams, TestLms } from './index.ts';

/**
 * The few cookies a launch needs (ltijs's signed `state…` cookie and its session cookie), per host as browsers
 * do (cookies ignore ports). Secure, SameSite and Path are ignored: tests talk plain HTTP on loopback.
 */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();

  /** Keeps the cookies a response sets, and forgets those it expires. */
  store(url: string, res: Response): void {
    const setCookies = res.headers.getSetCookie();
    if (setCookies.length === 0) return;
    const host = new URL(url).hostname;
    let jar = this.hosts.get(host);
    if (!jar) this.hosts.set(host, (jar = new Map()));
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => {
        const [key = '', value = ''] = a.split('=').map((s) => s.trim());
        const k = key.toLowerCase();
        return (k === 'max-age' && Number(value) <= 0) || (k === 'expires' && Date.parse(value) <= Date.now());
      });
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
  }

  /** The Cookie header for a request to `url`, if any cookie applies. */
  header(url: string): string | undefined {
    const jar = this.hosts.get(new URL(url).hostname);
    if (!jar || jar.size === 0) return undefined;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Cookie names per host, for assertions. */
  names(url: string): string[] {
    return [...(this.hosts.get(new URL(url).hostname)?.keys() ?? [])];
  }
}

export interface LaunchOptions extends LaunchParams {
  /** Picks the registered tool whose login URL starts with this, when `clientId` is not given. */
  toolUrl?: string;
  /** Reuse a jar to carry cookies across launches (a browser profile); a fresh one otherwise. */
  jar?: CookieJar;
}

/** What the LMS's auto-posting form would send to the tool. */
export interface AuthResponse {
  /** The form's action: the tool's redirect URI (its launch URL). */
  action: string;
  idToken: string;
  state: string;
  jar: CookieJar;
}

export interface LaunchResult {
  ltik: string;
  /** The URL that carried the ltik. */
  appUrl: string;
  /** The last response (the app page), body unread: read or cancel it to free the connection. */
  finalResponse: Response;
  jar: CookieJar;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

async function get(url: string, jar: CookieJar): Promise<Response> {
  const cookie = jar.header(url);
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  jar.store(url, res);
  return res;
}

async function fail(step: string, url: string, res: Response): Promise<never> {
  const body = (await res.text()).slice(0, 800);
  throw new Error(`${step}: ${res.status} from ${url}: ${body}`);
}

function resolveClientId(lms: Pick<TestLms, 'tools'>, opts: LaunchOptions): string | undefined {
  if (opts.clientId || !opts.toolUrl) return opts.clientId;
  const tool = lms.tools().findLast((t) => t.loginUrl.startsWith(opts.toolUrl!));
  if (!tool) throw new Error(`No tool registered in the LMS under ${opts.toolUrl}.`);
  return tool.clientId;
}

/** Login initiation at the tool, then the LMS's authorization endpoint: returns the form the browser would post. */
export async function startLaunch(
  lms: Pick<TestLms, 'launchUrl' | 'tools'>,
  opts: LaunchOptions,
): Promise<AuthResponse> {
  const jar = opts.jar ?? new CookieJar();
  const loginUrl = lms.launchUrl({ ...opts, clientId: resolveClientId(lms, opts) });
  const login = await get(loginUrl, jar);
  const location = login.headers.get('location');
  if (!REDIRECTS.has(login.status) || !location) return fail('Login initiation did not redirect', loginUrl, login);
  await login.arrayBuffer();

  const authUrl = new URL(location, loginUrl).toString();
  const auth = await get(authUrl, jar);
  if (!auth.ok) return fail('The LMS refused the authentication request', authUrl, auth);
  const form = await auth.text();
  const action = /<form[^>]*\saction="([^"]*)"/.exec(form)?.[1];
  const fields = Object.fromEntries(
    [...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], unescape(m[2]!)]),
  );
  if (!action || !fields.id_token || !fields.state)
    throw new Error(`No id_token form in the LMS's answer: ${form.slice(0, 500)}`);
  return { action: unescape(action), idToken: fields.id_token, state: fields.state, jar };
}

/** POSTs an id_token (and state) to the tool as the auto-posting form does; the tool's answer is not followed. */
export async function postIdToken(
  toolLaunchUrl: string,
  idToken: string,
  state?: string,
  cookies?: CookieJar,
): Promise<Response> {
  const body = new URLSearchParams({ id_token: idToken });
  if (state !== undefined) body.set('state', state);
  const cookie = cookies?.header(toolLaunchUrl);
  const res = await fetch(toolLaunchUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
    body,
  });
  cookies?.store(toolLaunchUrl, res);
  return res;
}

/**
 * Follows the tool's redirects after the id_token POST (as GETs) until a page is served, and returns the `ltik`
 * of the last URL that carried one. Fails with the tool's answer when no URL did.
 */
export async function followToApp(first: Response, url: string, jar: CookieJar): Promise<LaunchResult> {
  let res = first;
  let current = url;
  let appUrl: string | undefined;
  for (let hops = 0; REDIRECTS.has(res.status); hops++) {
    const location = res.headers.get('location');
    if (!location || hops === 10) return fail('Launch redirect loop or missing Location', current, res);
    await res.arrayBuffer();
    current = new URL(location, current).toString();
    if (new URL(current).searchParams.has('ltik')) appUrl = current;
    res = await get(current, jar);
  }
  if (!appUrl) return fail('The launch ended without an ltik in the URL', current, res);
  return { ltik: new URL(appUrl).searchParams.get('ltik')!, appUrl, finalResponse: res, jar };
}

/** A complete launch of a person in a course, as their browser would do it. */
export async function launch(lms: Pick<TestLms, 'launchUrl' | 'tools'>, opts: LaunchOptions): Promise<LaunchResult> {
  const { action, idToken, state, jar } = await startLaunch(lms, opts);
  const res = await postIdToken(action, idToken, state, jar);
  return followToApp(res, action, jar);
}

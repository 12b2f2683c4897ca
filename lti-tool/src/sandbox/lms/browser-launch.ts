/**
 * An LTI 1.3 launch done the way a browser does it, with plain fetch: the tool's login initiation, the LMS's
 * auto-posting form, the POST of the id_token back to the tool, then redirects up to the app URL with its `ltik`.
 * Fast enough for launch benchmarks: no HTML parsing beyond one form, keep-alive connections (fetch's default).
 */
import type { LaunchParams, LoginInitiation, TestLms } from './index.ts';

/**
 * The few cookies a launch needs (ltijs's signed `state…` cookie and its session cookie), per host as browsers
 * do (cookies ignore ports). Secure, SameSite and Path are ignored: tests talk plain HTTP on loopback.
 * `refuse` names cookies this browser will not keep (as a browser blocking the tool's cookies in a frame).
 */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();
  /** What the LMS page keeps for the tool through LTI Platform Storage (`lti.put_data`), by key. */
  readonly platformStorage = new Map<string, string>();

  constructor(private readonly opts: { refuse?: RegExp } = {}) {}

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
      if (this.opts.refuse?.test(name)) continue;
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

async function fail(step: string, url: string, res: Response, read?: string): Promise<never> {
  // A page's words, without its markup and styles, so the reason reads in the error.
  const body = (read ?? (await res.text()))
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 800);
  throw new Error(`${step}: ${res.status} from ${url}: ${body}`);
}

function resolveClientId(lms: Pick<TestLms, 'tools'>, opts: LaunchOptions): string | undefined {
  if (opts.clientId || !opts.toolUrl) return opts.clientId;
  const tool = lms.tools().findLast((t) => t.loginUrl.startsWith(opts.toolUrl!));
  if (!tool) throw new Error(`No tool registered in the LMS under ${opts.toolUrl}.`);
  return tool.clientId;
}

/** The data of a tool page that talks to the LMS's Platform Storage (see the tool's `cookieless.ts`). */
type StorageTask = { action: 'put'; key: string; value: string; next: string } | { action: 'get'; key: string };

function storageTask(page: string): StorageTask | undefined {
  const json = /<script type="application\/json" id="platform-storage">([^<]*)<\/script>/.exec(page)?.[1];
  return json ? (JSON.parse(json) as StorageTask) : undefined;
}

/** The hidden fields and action of the first form in an auto-submitting page. */
export function formIn(page: string): { action: string; fields: Record<string, string> } | undefined {
  const action = /<form[^>]*\saction="([^"]*)"/.exec(page)?.[1];
  if (action === undefined) return undefined;
  const fields = Object.fromEntries(
    [...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [unescape(m[1]!), unescape(m[2]!)]),
  );
  return { action: unescape(action), fields };
}

/**
 * Sends a login initiation to the tool (a GET link or an auto-submitted POST form) and answers the LMS
 * authorization URL it redirects to; with Platform Storage, keeps the secret the tool's page stores first.
 */
export async function initiateLogin(initiation: LoginInitiation, jar: CookieJar): Promise<string> {
  const url = new URL(initiation.url);
  let login: Response;
  if (initiation.method === 'GET') {
    for (const [name, value] of Object.entries(initiation.params)) url.searchParams.set(name, value);
    login = await get(url.toString(), jar);
  } else {
    const cookie = jar.header(url.toString());
    login = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
      body: new URLSearchParams(initiation.params),
    });
    jar.store(url.toString(), login);
  }
  const location = login.headers.get('location');
  if (REDIRECTS.has(login.status) && location) {
    await login.arrayBuffer();
    return new URL(location, url).toString();
  }
  const page = await login.text();
  const task = login.status === 200 ? storageTask(page) : undefined;
  if (task?.action !== 'put') return fail('Login initiation did not redirect', url.toString(), login, page);
  jar.platformStorage.set(task.key, task.value);
  return new URL(task.next, url).toString();
}

/** The LMS's authorization endpoint: the form the browser would post to the tool. */
async function authorize(authUrl: string, jar: CookieJar): Promise<AuthResponse> {
  const auth = await get(authUrl, jar);
  if (!auth.ok) return fail('The LMS refused the authentication request', authUrl, auth);
  const page = await auth.text();
  const form = formIn(page);
  if (!form?.fields.id_token || !form.fields.state)
    throw new Error(`No id_token form in the LMS's answer: ${page.slice(0, 500)}`);
  return { action: form.action, idToken: form.fields.id_token, state: form.fields.state, jar };
}

/** Login initiation at the tool, then the LMS's authorization endpoint: returns the form the browser would post. */
export async function startLaunch(
  lms: Pick<TestLms, 'loginInitiation' | 'tools'>,
  opts: LaunchOptions,
): Promise<AuthResponse> {
  const jar = opts.jar ?? new CookieJar();
  const initiation = lms.loginInitiation({ ...opts, clientId: resolveClientId(lms, opts) });
  return authorize(await initiateLogin(initiation, jar), jar);
}

/**
 * Opens an LMS page that starts a launch by auto-submitting the login initiation (Moodle's
 * `launch.php`), as a top-level window does, up to the form the LMS posts to the tool.
 */
export async function startLaunchFromLmsPage(url: string, jar: CookieJar): Promise<AuthResponse> {
  const res = await get(url, jar);
  const page = await res.text();
  const form = res.ok ? formIn(page) : undefined;
  if (!form) throw new Error(`The LMS page ${url} started no launch: ${res.status} ${page.slice(0, 500)}`);
  const action = new URL(form.action, url).toString();
  return authorize(await initiateLogin({ method: 'POST', url: action, params: form.fields }, jar), jar);
}

/** POSTs an id_token (and state) to the tool as the auto-posting form does; the tool's answer is not followed. */
export async function postIdToken(
  toolLaunchUrl: string,
  idToken: string,
  state?: string,
  cookies?: CookieJar,
  extra: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams({ id_token: idToken, ...extra });
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

/**
 * POSTs the LMS's form to the tool; where the tool answers with its Platform Storage page (no state
 * cookie came back), reads the secret from the LMS page's storage and posts again, as that page does.
 */
export async function completeLaunch({ action, idToken, state, jar }: AuthResponse): Promise<Response> {
  const res = await postIdToken(action, idToken, state, jar);
  if (res.status !== 200) return res;
  const page = await res.text();
  const task = storageTask(page);
  if (task?.action !== 'get') return new Response(page, { status: res.status, headers: res.headers });
  return postIdToken(action, idToken, state, jar, { platform_storage_secret: jar.platformStorage.get(task.key) ?? '' });
}

/** A complete launch of a person in a course, as their browser would do it. */
export async function launch(
  lms: Pick<TestLms, 'loginInitiation' | 'tools'>,
  opts: LaunchOptions,
): Promise<LaunchResult> {
  const auth = await startLaunch(lms, opts);
  return followToApp(await completeLaunch(auth), auth.action, auth.jar);
}

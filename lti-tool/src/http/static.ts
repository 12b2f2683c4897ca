/**
 * Serves the built workspace app at /app/, with index.html for every in-app path. Files go out
 * compressed (brotli or gzip, as the browser accepts: the build writes `.br` and `.gz` beside each
 * file; a file without them is compressed once and kept). Vite's content-hashed files under
 * `assets/` are cached for a year as immutable; other files are revalidated (`no-cache`, ETag).
 * The page itself is made per answer (`no-store`): it carries this answer's CSP nonce in
 * `<meta property="csp-nonce">`, where React Aria finds it for the few `<style>` elements it adds,
 * and, opened by a launch, the first screen's data (see first-screen.ts) with `modulepreload` links
 * for that screen's code and language. Its head goes out at once, so the browser fetches the app's
 * code while the server reads the data. A participant's home is also rendered into the page
 * (web/entry-server.tsx), so it shows before the app's code has run; the app then hydrates it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import express, { type Request, type Response, type Router } from 'express';
import type { FirstScreenData } from '@mentoring/shared';
import { textDirection } from '@mentoring/shared/rules/locale';
import { TOOL_ROOT } from '../paths.ts';
import { cspNonce } from './security.ts';
import { escapeHtml, scriptJson } from './html.ts';
import type { FirstScreen } from './first-screen.ts';
import { pageLocale, serverI18n } from '../i18n/server.ts';

export const WEB_DIST = path.join(TOOL_ROOT, 'dist/web');
/** The first screen's renderer, built by `vite build --ssr` (npm run build). */
export const WEB_SSR_ENTRY = path.join(TOOL_ROOT, 'dist/web-ssr/entry-server.js');

/** The first screen's markup for its data, written at `now`; undefined where the page is left to the app. */
export type RenderFirstScreen = (data: FirstScreenData, now: number) => Promise<string | undefined>;

/**
 * The built renderer, imported once as the tool starts, before it listens: every page it serves is
 * then pre-rendered (an import left to the background took over 25 s on a busy machine). Without a
 * build of it, or if it cannot be loaded, pages are not pre-rendered. A rebuilt web app needs a
 * restart: the markup must come from the same build as the code that hydrates it.
 */
export async function loadFirstScreenRenderer(
  entry = WEB_SSR_ENTRY,
  onError?: (err: unknown) => void,
): Promise<RenderFirstScreen | undefined> {
  if (!fs.existsSync(entry)) return undefined;
  try {
    const built = (await import(pathToFileURL(entry).href)) as {
      renderFirstScreen: RenderFirstScreen;
      prepareFirstScreen?: () => Promise<void>;
    };
    await built.prepareFirstScreen?.();
    return built.renderFirstScreen;
  } catch (err) {
    onError?.(err);
    return undefined;
  }
}

/** How long a page waits for its first screen's markup before it goes out for the app to render. */
export const RENDER_DEADLINE_MS = 1_500;

/** The markup, or undefined once `ms` have passed: a slow render never holds the page back for long. */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.txt']);
/** Below this, compression saves less than its headers cost. */
const MIN_COMPRESS = 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';
interface Variant {
  body: Buffer;
  etag: string;
}
interface StaticFile {
  type: string;
  cacheControl: string;
  identity: Variant;
  encoded: Partial<Record<Encoding, Variant>>;
  /** Which file on disk this was read from, so a rebuild is noticed. */
  version: string;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const variant = (body: Buffer): Variant => ({
  body,
  etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
});

/** The encodings the request accepts, best first (brotli, then gzip); `q=0` refuses one. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*');
  return (['br', 'gzip'] as const).filter((e) => (accepted.get(e) ?? wildcard ?? 0) > 0);
}

async function readEncoded(file: string, ext: string, body: Buffer): Promise<StaticFile['encoded']> {
  if (!COMPRESSIBLE.has(ext) || body.length < MIN_COMPRESS) return {};
  const built = async (suffix: string) => fs.promises.readFile(file + suffix).catch(() => undefined);
  const [br, gz] = await Promise.all([built('.br'), built('.gz')]);
  return {
    // Compressed in the thread pool, at a quality that takes milliseconds, when the build wrote none.
    br: variant(br ?? (await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }))),
    gzip: variant(gz ?? (await gzip(body, { level: 6 }))),
  };
}

type Manifest = Record<string, { file: string; imports?: string[] }>;

/** The build's chunks by source (Vite's manifest): the files a screen's code needs beyond the entry's. */
function chunksOf(manifest: Manifest): (key: string) => string[] {
  const closure = (key: string, into = new Set<string>()) => {
    if (!into.has(key) && manifest[key]) {
      into.add(key);
      for (const i of manifest[key].imports ?? []) closure(i, into);
    }
    return into;
  };
  const entry = closure('index.html');
  return (key) => [...closure(key)].filter((k) => !entry.has(k)).map((k) => manifest[k]!.file);
}

export interface WebAppOptions {
  /** The first screen's data for this page, when a launch opened it. */
  firstScreen?: (req: Request) => Promise<FirstScreen | undefined>;
  /** The first screen's renderer (see `loadFirstScreenRenderer`). */
  render?: RenderFirstScreen;
  /** How long a page waits for the renderer (RENDER_DEADLINE_MS). */
  renderDeadlineMs?: number;
  /** Told when the first screen's data could not be read or rendered (the app then does it itself). */
  onError?: (err: unknown) => void;
}

export function webApp(dist = WEB_DIST, options: WebAppOptions = {}): Router {
  const router = express.Router();
  const cache = new Map<string, StaticFile>();
  let chunks: { version: string; of: (key: string) => string[] } | undefined;

  function screenChunks(page: StaticFile, key: string): string[] {
    if (chunks?.version !== page.version) {
      let manifest: Manifest = {};
      try {
        manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
      } catch {
        // A build without a manifest preloads nothing more; the app loads its chunks itself.
      }
      chunks = { version: page.version, of: chunksOf(manifest) };
    }
    return chunks.of(key);
  }

  async function load(relative: string): Promise<StaticFile | undefined> {
    const file = path.join(dist, relative);
    if (!file.startsWith(dist + path.sep)) return undefined;
    const known = cache.get(relative);
    // A content-hashed file never changes under its name: no need to ask the disk again.
    if (known && relative.startsWith(`assets${path.sep}`)) return known;
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    const version = `${stat.size}:${stat.mtimeMs}`;
    if (known?.version === version) return known;
    const ext = path.extname(file);
    const body = await fs.promises.readFile(file);
    const loaded: StaticFile = {
      type: TYPES[ext] ?? 'application/octet-stream',
      cacheControl: relative.startsWith(`assets${path.sep}`) ? IMMUTABLE : 'no-cache',
      identity: variant(body),
      encoded: await readEncoded(file, ext, body),
      version,
    };
    cache.set(relative, loaded);
    return loaded;
  }

  function send(req: Request, res: Response, f: StaticFile) {
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => f.encoded[e]);
    const v = encoding ? f.encoded[encoding]! : f.identity;
    res.setHeader('content-type', f.type);
    res.setHeader('cache-control', f.cacheControl);
    if (Object.keys(f.encoded).length) res.setHeader('vary', 'Accept-Encoding');
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('etag', v.etag);
    if (req.headers['if-none-match']?.split(',').some((t) => t.trim() === v.etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('content-length', v.body.length);
    res.status(200).end(req.method === 'HEAD' ? undefined : v.body);
  }

  /** The page, with this answer's nonce: never cached, and small enough to go uncompressed. */
  async function sendPage(req: Request, res: Response, page: StaticFile) {
    const nonce = escapeHtml(cspNonce(res));
    const text = page.identity.body
      .toString('utf8')
      .replace('<head>', `<head><meta property="csp-nonce" nonce="${nonce}">`);
    const headEnd = text.indexOf('</head>');
    res.setHeader('content-type', page.type);
    res.setHeader('cache-control', 'no-store');
    res.status(200);
    if (!options.firstScreen || headEnd === -1 || typeof req.query.ltik !== 'string') return void res.end(text);
    const first = await options.firstScreen(req).catch((err: unknown) => void options.onError?.(err));
    const preload = (files: string[]) =>
      files.map((f) => `<link rel="modulepreload" crossorigin href="${escapeHtml(`${req.baseUrl}/${f}`)}">`).join('');
    const screen = first?.screen === 'home' ? 'screens/home/ParticipantHome.tsx' : 'screens/program/ProgramScreen.tsx';
    res.write(text.slice(0, headEnd) + (first ? preload(screenChunks(page, screen)) : ''));
    const data = await first?.data.catch((err: unknown) => void options.onError?.(err));
    const extra = data
      ? preload(screenChunks(page, `locales/${data.me.locale}.po`)) +
        `<script type="application/json" id="first-screen">${scriptJson(data).value}</script>`
      : '';
    const now = Date.now();
    const rendered = data && options.render?.(data, now);
    const markup = rendered
      ? await within(rendered, options.renderDeadlineMs ?? RENDER_DEADLINE_MS).catch(
          (err: unknown) => void options.onError?.(err),
        )
      : undefined;
    const body = text.slice(headEnd);
    if (!data || !markup) return void res.end(extra + body);
    // React escaped the markup. Its language and direction lay it out (Arabic right to left) until
    // the app sets them on the whole page.
    const root =
      `<div id="root" data-rendered-at="${now}" lang="${escapeHtml(data.me.locale)}" ` +
      `dir="${textDirection(data.me.locale)}">${markup}</div>`;
    res.end(extra + body.replace('<div id="root"></div>', () => root));
  }

  router.get('*', (req, res, next) => {
    void (async () => {
      let relative: string;
      try {
        relative = path.normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
      } catch {
        relative = '';
      }
      // The precompressed copies and the build's own folders (.vite) are not pages of the app.
      const servable = relative && !/\.(br|gz)$/.test(relative) && !relative.startsWith('.');
      const asked = servable ? await load(relative) : undefined;
      if (!asked && path.extname(relative)) {
        // A file that is not there (an old release's asset, say) is a 404, not the app's page.
        const i18n = serverI18n(pageLocale(req.headers['accept-language']));
        res
          .status(404)
          .type('text')
          .send(i18n._({ id: 'refusal.http.no-file', message: 'This file is not part of the tool (any more).' }));
        return;
      }
      const isPage = !asked || relative === 'index.html';
      const file = isPage ? await load('index.html') : asked;
      if (!file) {
        // For the operator who started the tool: their own command, not a person's page.
        res
          .status(503)
          .type('text')
          .send('The workspace app is not built yet: run `npm run build -w lti-tool` (npm start does it for you).');
        return;
      }
      if (isPage) await sendPage(req, res, file);
      else send(req, res, file);
    })().catch(next);
  });
  return router;
}

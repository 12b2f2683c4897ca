/**
 * One running tool: the core (database, ltijs, sessions) with the API and the web app on one HTTP
 * server. `main.ts` starts it for people; tests and benchmarks start it in-process.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { openApiDocument } from '@mentoring/shared/openapi';
import type { ToolConfig } from './config.ts';
import { openCore, type CoreOptions } from './core.ts';
import { createApiHandler } from './http/api.ts';
import { frameworkErrors } from './http/framework-errors.ts';
import { allHandlers } from './http/routes/index.ts';
import { loadFirstScreenRenderer, webApp, WEB_DIST, WEB_SSR_ENTRY } from './http/static.ts';
import { firstScreenOf } from './http/first-screen.ts';
import { BUILD_HINT, findPackage } from './services/extension-packages.ts';
import { securityHeaders } from './http/security.ts';
import { loginChecks, loginNonce } from './lti/launch-guard.ts';
import { launchKeyId } from './lti/keysets.ts';
import { PAGE_STYLE, refusalPage } from './lti/pages.ts';
import { pageLocale, serverI18n } from './i18n/server.ts';
import { readerOf } from './services/me.ts';
import { platformOrigins } from './services/registration.ts';
import type { App } from './services/app.ts';
import { prefersJson } from './lti/refusals.ts';
import { unsubscribeRoutes } from './http/unsubscribe.ts';

/** The routes ltijs answers (login, launch and deep linking, its keys, Dynamic Registration). */
const LTI_PATHS = new Set(['/login', '/launch', '/launch/', '/keys', '/register']);

export interface RunningTool {
  url: string;
  app: App;
  /** Deletes what has expired now (it also runs on the app's clock). */
  upkeep(): Promise<void>;
  /**
   * Stops gracefully: no new connections, requests in flight answered (up to the configured
   * grace), then the database closed.
   */
  close(): Promise<void>;
}

/** In development the sandbox LMS frames the tool before (and while) it registers. */
function sandboxOrigins(config: ToolConfig): string[] {
  return config.sandbox ? [`http://127.0.0.1:${config.sandboxPort}`, `http://localhost:${config.sandboxPort}`] : [];
}

/** Route names for the request log, for what is not an API route. */
function siteRoute(path: string): string {
  if (path === '/healthz' || path === '/readyz') return path.slice(1);
  if (path === '/app' || path.startsWith('/app/')) return 'app';
  const lti = /^\/(login|launch|keys|register)\b/.exec(path);
  return lti ? `lti.${lti[1]}` : 'other';
}

/** A load balancer's request id, if it looks like one; otherwise a new one. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
}

export async function startTool(config: ToolConfig, options: CoreOptions = {}): Promise<RunningTool> {
  let failedRenderer: unknown;
  // Loaded while the database opens; logged once the log is there.
  const loadingRenderer = loadFirstScreenRenderer(WEB_SSR_ENTRY, (err) => (failedRenderer = err));
  const core = await openCore(config, options);
  const { app } = core;
  const renderFirstScreen = await loadingRenderer;
  if (failedRenderer)
    app.log.warn(
      { err: failedRenderer },
      'The first screen’s renderer could not be loaded: pages are not pre-rendered',
    );
  let stopping = false;

  const routeNames = new WeakMap<ServerResponse, string>();
  let openapi: unknown;
  const api = createApiHandler({
    handlers: allHandlers(app),
    authenticate: (token) => app.sessions.authenticate(token),
    appOrigin: new URL(config.publicUrl).origin,
    log: app.log,
    openapi: () => (openapi ??= openApiDocument(config.publicUrl)),
    named: (res, name) => routeNames.set(res, `api.${name}`),
    localeOf: async (personId, languages) =>
      personId ? (await readerOf(app, personId, languages)).locale : pageLocale(languages.join(',')),
  });

  const site = express();
  site.disable('x-powered-by');
  site.use(
    securityHeaders({
      production: config.production,
      frameAncestors: async () => [
        ...(await platformOrigins(app)),
        ...config.frameAncestors,
        ...sandboxOrigins(config),
      ],
      // The LMS runs Dynamic Registration in its own frame before it is registered.
      requestFrameAncestors: (req) =>
        req.path === '/register' && typeof req.query.openid_configuration === 'string'
          ? [req.query.openid_configuration]
          : [],
      inlineStyles: [PAGE_STYLE],
    }),
  );
  site.use(
    '/app',
    webApp(WEB_DIST, {
      firstScreen: (req) => firstScreenOf(app, req),
      render: renderFirstScreen,
      onError: (err) =>
        app.log.warn({ err }, 'The first screen’s data could not be read or rendered for the app’s page'),
    }),
  );
  site.get('/', (_req, res) => res.redirect('/app/'));
  site.get(['/extension/mentoring-chrome.zip', '/extension/mentoring-firefox.zip'], (req, res) => {
    const file = findPackage(config, req.path.includes('firefox') ? 'firefox' : 'chrome');
    if (!file) return void res.status(404).type('text/plain').send(BUILD_HINT);
    res.set('cache-control', 'no-cache').download(file, path.basename(req.path));
  });
  site.get('/healthz', (_req, res) => res.set('cache-control', 'no-store').json({ ok: true }));
  site.get('/readyz', (_req, res) => {
    res.set('cache-control', 'no-store');
    if (stopping) return void res.status(503).json({ ok: false, reason: 'stopping' });
    void core
      .ready()
      .then((ready) =>
        ready ? res.json({ ok: true }) : res.status(503).json({ ok: false, reason: 'database not ready' }),
      );
  });
  site.use(unsubscribeRoutes(app));
  site.use('/login', app.limits.route('login', config.trustProxyHops));
  site.use('/register', app.limits.route('register', config.trustProxyHops));
  site.use(loginChecks(app));
  site.use(core.cookieless.router());
  site.use(launchKeyId());
  site.use(loginNonce(app));
  site.use((req, res, next) => (LTI_PATHS.has(req.path) ? app.lti.app(req, res, next) : next()));
  site.use((req, res) => {
    const locale = pageLocale(req.headers['accept-language']);
    const i18n = serverI18n(locale);
    const message = i18n._({ id: 'page.nothing-here', message: 'Nothing is at {path}.', values: { path: req.path } });
    if (prefersJson(req)) res.status(404).json({ error: { code: 'not_found', message } });
    else
      res
        .status(404)
        .type('html')
        .send(refusalPage(/*i18n*/ { id: 'page.not-found', message: 'Page not found' }, message, 'person', locale));
  });
  site.use(frameworkErrors(app.log));

  const inFlight = new Set<ServerResponse>();
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const id = requestId(req);
    // Read now: Express rewrites req.url under mounted routers.
    const path = (req.url ?? '/').split('?')[0]!;
    res.setHeader('x-request-id', id);
    inFlight.add(res);
    // While stopping, every answer closes its connection so the server can finish.
    if (stopping) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight.delete(res);
      app.log.info(
        {
          reqId: id,
          route: routeNames.get(res) ?? siteRoute(path),
          method: req.method,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    if (req.url?.startsWith('/api/')) {
      void api(req, res);
      return;
    }
    site(req, res);
  });
  server.keepAliveTimeout = 65_000;
  // Node counts a connection that has sent nothing yet (a browser's preconnect) as busy, not idle:
  // left open, it would hold every stop for the whole grace.
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  app.log.info({ url }, 'tool listening');

  let closing: Promise<void> | undefined;
  const close = async () => {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Answers in flight close their connections when done; idle connections close now.
    for (const res of inFlight) res.shouldKeepAlive = false;
    server.closeIdleConnections();
    for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
    const deadline = setTimeout(() => {
      app.log.warn({ open: inFlight.size }, 'stop grace over: closing the remaining connections');
      server.closeAllConnections();
    }, config.stopGraceMs);
    deadline.unref();
    await closed;
    clearTimeout(deadline);
    await core.close();
    app.log.info('tool stopped');
  };
  return {
    url,
    app,
    upkeep: () => core.upkeep(),
    close: () => (closing ??= close()),
  };
}

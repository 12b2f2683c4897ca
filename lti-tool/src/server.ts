/**
 * One running tool: the core (database, ltijs, sessions) with the API and the web app on one HTTP
 * server. `main.ts` starts it for people; tests and benchmarks start it in-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { openApiDocument } from '@mentoring/shared/openapi';
import type { ToolConfig } from './config.ts';
import { openCore } from './core.ts';
import { createApiHandler } from './http/api.ts';
import { frameworkErrors } from './http/framework-errors.ts';
import { allHandlers } from './http/routes/index.ts';
import { webApp } from './http/static.ts';
import type { App } from './services/app.ts';

export interface RunningTool {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function startTool(config: ToolConfig): Promise<RunningTool> {
  const core = await openCore(config);
  const { app } = core;

  let openapi: unknown;
  const api = createApiHandler({
    handlers: allHandlers(app),
    authenticate: (token) => app.sessions.authenticate(token),
    appOrigin: new URL(config.publicUrl).origin,
    log: app.log,
    openapi: () => (openapi ??= openApiDocument(config.publicUrl)),
  });

  const site = express();
  site.disable('x-powered-by');
  site.use('/app', webApp());
  site.get('/', (_req, res) => res.redirect('/app/'));
  site.get('/healthz', (_req, res) => res.json({ ok: true }));
  site.use('/login', app.limits.route('login', config.trustProxyHops));
  site.use('/register', app.limits.route('register', config.trustProxyHops));
  site.use(core.cookieless.router());
  site.use(app.lti.app);
  site.use(frameworkErrors(app.log));

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/')) {
      void api(req, res);
      return;
    }
    site(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  app.log.info({ url }, 'tool listening');
  return {
    url,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

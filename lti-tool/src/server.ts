/**
 * One running tool: database, migrations, ltijs, the API and the web app on one HTTP server.
 * `main.ts` starts it for people; tests and benchmarks start it in-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { openApiDocument } from '@mentoring/shared';
import type { ToolConfig } from './config.ts';
import { openDatabases } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { Sql } from './db/sql.ts';
import { createLogger } from './log.ts';
import { Sessions } from './auth/sessions.ts';
import { newProvider, setupProvider, wireProvider } from './lti/provider.ts';
import { createApiHandler } from './http/api.ts';
import { allHandlers } from './http/routes/index.ts';
import { webApp } from './http/static.ts';
import type { App } from './services/app.ts';

export interface RunningTool {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function startTool(config: ToolConfig): Promise<RunningTool> {
  const log = createLogger(config.logLevel);
  const dbs = await openDatabases(config.databaseUrl);
  await migrate(dbs.sequelize);
  const sql = new Sql(dbs.sequelize);
  const lti = newProvider();
  setupProvider(lti, config, dbs.ltiPlugin);
  await lti.deploy({ serverless: true, silent: true });
  const sessions = new Sessions(sql, config.ltiKey, config.launchSessionHours * 3_600_000);
  const pending = new Set<Promise<unknown>>();
  const background = (task: Promise<unknown>) => {
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const app: App = { sql, config, log, sessions, lti, background };
  wireProvider(lti, app);

  let openapi: unknown;
  const api = createApiHandler({
    handlers: allHandlers(app),
    authenticate: (token) => sessions.authenticate(token),
    appOrigin: new URL(config.publicUrl).origin,
    log,
    openapi: () => (openapi ??= openApiDocument(config.publicUrl)),
  });

  const site = express();
  site.disable('x-powered-by');
  site.use('/app', webApp());
  site.get('/', (_req, res) => res.redirect('/app/'));
  site.get('/healthz', (_req, res) => res.json({ ok: true }));
  site.use(lti.app);

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
  log.info({ url }, 'tool listening');
  return {
    url,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...pending]);
      await lti.close({ silent: true });
      await dbs.close();
    },
  };
}

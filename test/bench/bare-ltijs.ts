/**
 * The yardstick for `bench:launch`: a bare ltijs app as ltijs's docs set it up (session cookie,
 * redirect with the ltik, an API route behind ltijs's own per-request ltik check), on an SQLite
 * file opened by the tool's own `openDatabases`: the same WAL journal, synchronous mode, busy
 * timeout, one-connection pool and IMMEDIATE transactions as the tool, whatever they become.
 * Run as its own process: `tsx bench/bare-ltijs.ts PORT DATA_DIR`.
 */
import path from 'node:path';
import ltijs from 'ltijs';
import { openDatabases } from '@mentoring/lti-tool/src/db/database.ts';
import { createLogger } from '@mentoring/lti-tool/src/log.ts';

const [port = '0', dataDir = '.'] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}`;
const lti = (ltijs as { Provider: LtiBare }).Provider;

interface LtiBare {
  setup(key: string, db: { plugin: unknown }, options: Record<string, unknown>): void;
  deploy(o: { port: number; silent: boolean }): Promise<void>;
  onConnect(cb: (token: unknown, req: unknown, res: { send(s: string): void }) => unknown): void;
  app: {
    get(
      path: string,
      cb: (req: unknown, res: { locals: { token: { user: string } }; json(v: unknown): void }) => void,
    ): void;
  };
}

const { ltiPlugin } = await openDatabases(`sqlite:${path.join(dataDir, 'bare.sqlite')}`, createLogger('silent'));
lti.setup(
  'bare-ltijs-benchmark-key',
  { plugin: ltiPlugin },
  {
    dynReg: { url, name: 'Bare ltijs', autoActivate: true, redirectUris: [`${url}/`] },
    cookies: { secure: false, sameSite: 'Lax' },
  },
);
lti.onConnect((_token, _req, res) => res.send('<!doctype html><title>app</title><p>app</p>'));
lti.app.get('/api/me', (_req, res) => res.json({ user: res.locals.token.user }));
await lti.deploy({ port: Number(port), silent: true });
console.log(`ready ${url}`);
// A normal exit on stop, so that `--cpu-prof` (BENCH_PROFILE) writes its profile.
process.on('SIGTERM', () => process.exit(0));

/**
 * Serves the built workspace app at /app/, with index.html for every in-app path. The page carries
 * this answer's CSP nonce in `<meta property="csp-nonce">`, where React Aria finds it for the few
 * `<style>` elements it adds.
 */
import path from 'node:path';
import fs from 'node:fs';
import express, { type Router } from 'express';
import { TOOL_ROOT } from '../paths.ts';
import { cspNonce } from './security.ts';
import { escapeHtml } from './html.ts';

export const WEB_DIST = path.join(TOOL_ROOT, 'dist/web');

export function webApp(): Router {
  const router = express.Router();
  router.use(express.static(WEB_DIST, { index: false, maxAge: '1h', immutable: false }));
  router.get('*', (_req, res) => {
    void fs.promises.readFile(path.join(WEB_DIST, 'index.html'), 'utf8').then(
      (page) => {
        res.setHeader('cache-control', 'no-store');
        res
          .type('html')
          .send(page.replace('<head>', `<head><meta property="csp-nonce" nonce="${escapeHtml(cspNonce(res))}">`));
      },
      () => {
        res
          .status(503)
          .type('text')
          .send('The workspace app is not built yet: run `npm run build -w lti-tool` (npm start does it for you).');
      },
    );
  });
  return router;
}

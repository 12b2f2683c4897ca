/** Serves the built workspace app at /app/, with index.html for every in-app path. */
import path from 'node:path';
import fs from 'node:fs';
import express, { type Router } from 'express';
import { TOOL_ROOT } from '../paths.ts';

export const WEB_DIST = path.join(TOOL_ROOT, 'dist/web');

export function webApp(): Router {
  const router = express.Router();
  router.use(express.static(WEB_DIST, { index: false, maxAge: '1h', immutable: false }));
  router.get('*', (_req, res) => {
    const index = path.join(WEB_DIST, 'index.html');
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type('text')
        .send('The workspace app is not built yet: run `npm run build -w lti-tool` (npm start does it for you).');
      return;
    }
    res.setHeader('cache-control', 'no-store');
    res.sendFile(index);
  });
  return router;
}

/**
 * The program's readings as web pages, so the sandbox's clips point somewhere real and the
 * extension can be tried on them: each text file becomes an article (first line as its title).
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { TOOL_ROOT } from '../../paths.ts';
import { esc } from './html.ts';

/** The sample program's readings, written for this project (one paragraph a line, an optional dateline first). */
export const SAMPLE_READINGS_DIR = path.join(TOOL_ROOT, 'src/sandbox/readings');

export function readingPage(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  // A blog post's date line ("September 21, 2020") comes before its title: show it as the dateline.
  const dateline =
    lines.length > 1 && /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(lines[0]!.trim()) ? lines.shift()!.trim() : null;
  const [title = 'Reading', ...rest] = lines;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}.dateline{color:#555;font-size:.9em}</style></head>
<body><article><h1>${esc(title)}</h1>${dateline ? `<p class="dateline">${esc(dateline)}</p>` : ''}${rest.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

export function readingRoutes(dir: string): Router {
  const router = express.Router();
  router.get('/readings', (_req, res) => {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
    res
      .type('html')
      .send(
        `<!doctype html><title>Readings</title><h1>Readings</h1><ul>${files.map((f) => `<li><a href="/readings/${esc(f)}">${esc(f)}</a></li>`).join('')}</ul>`,
      );
  });
  router.get('/readings/:file', (req, res) => {
    const file = path.join(dir, path.basename(req.params.file!));
    if (!file.endsWith('.txt') || !fs.existsSync(file)) {
      res.status(404).type('text').send('This reading is not available here.');
      return;
    }
    res.type('html').send(readingPage(fs.readFileSync(file, 'utf8')));
  });
  return router;
}

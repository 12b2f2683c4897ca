/**
 * The web app's production build is one whatever NODE_ENV the shell has. vitest sets `test` for the
 * processes it starts, and once a build run from a test bundled React's development build (twice the
 * size, with JSX compiled for it) into the `dist/` every later test and benchmark served.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../support/tool.ts';

const LTI_TOOL = path.resolve(import.meta.dirname, '../../lti-tool');
const outDir = tempDir('mentoring-web-build-');

afterAll(() => rm(outDir, { recursive: true, force: true }));

it('is for production under NODE_ENV=test', async () => {
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: LTI_TOOL,
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const scripts = readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
  const code = scripts.map((file) => readFileSync(path.join(outDir, 'assets', file), 'utf8')).join('\n');
  expect(scripts.length).toBeGreaterThan(0);
  // React's development build warns of list items without keys; JSX for it calls jsxDEV.
  expect(code).not.toContain('unique "key" prop');
  expect(code).not.toContain('jsxDEV');
}, 120_000);
